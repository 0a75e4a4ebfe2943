package io.spock.metadata.app;

import java.util.Arrays;
import java.util.List;

/**
 * An option value that is a list, typed with commas or spaces ({@code US,CN}, {@code nas nys}). A list that names
 * nothing ({@code --regions ,}, {@code --markets ""}) is bad input, never "run on nothing".
 */
public final class ListOption {

    private ListOption() {
    }

    /**
     * The non-blank items of {@code text}, trimmed, in order.
     *
     * @param option the option, for the message ({@code --regions})
     * @param what   one item and the choices, for the message ({@code "region: US, CN, HK, JP, VN or ALL"})
     * @throws UsageException (exit 2) when the list names nothing
     */
    public static List<String> items(String option, String text, String what) {
        List<String> items = text == null ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new UsageException(option + " names nothing: give at least one " + what);
        }
        return items;
    }
}
