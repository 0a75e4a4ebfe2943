package io.spock.metadata.market;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The five markets the universe covers. Their exchanges and symbol rules live in {@link Markets}. */
public enum Region {
    US, CN, HK, JP, VN;

    public static Optional<Region> parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
