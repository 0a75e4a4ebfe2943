package io.spock.metadata.classify;

import java.util.Locale;
import java.util.Optional;

/**
 * How far one source's answer can be trusted, from measured agreement with an outside GICS label (the figures
 * are in each mapping or crosswalk file's description). Declared from weakest to strongest, so that
 * {@link #compareTo} orders them.
 */
public enum Confidence {
    /** Right less than about 85 % of the time: stands only when no other source answers, and the next is asked. */
    LOW,
    /** Right about 85–95 % of the time: stands alone, but a second source that disagrees sends it to review. */
    MEDIUM,
    /** Right at least about 95 % of the time: stands alone. */
    HIGH;

    /** Stands without asking the next source: medium or high. */
    public boolean standsAlone() {
        return this != LOW;
    }

    /** {@code high}, {@code medium} or {@code low}, in any case; empty for anything else. */
    public static Optional<Confidence> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "high" -> Optional.of(HIGH);
            case "medium" -> Optional.of(MEDIUM);
            case "low" -> Optional.of(LOW);
            default -> Optional.empty();
        };
    }
}
