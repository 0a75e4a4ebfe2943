package io.spock.metadata.shell;

import java.util.List;

/** The groups {@code help} lists commands under, in its order; commands from Spring Shell go under "Shell". */
final class CommandGroups {

    static final String ENRICHMENT = "Enrichment";
    static final String INSPECTION = "Inspection and review";
    static final String UNIVERSE = "Universe";
    static final String STORE = "Store";
    static final String MONITORING = "Monitoring";
    static final String SHELL = "Shell";

    static final List<String> ORDER = List.of(ENRICHMENT, INSPECTION, UNIVERSE, STORE, MONITORING, SHELL);

    private CommandGroups() {
    }

    /** The group a registration's group name falls into. */
    static String of(String group) {
        return ORDER.contains(group) ? group : SHELL;
    }
}
