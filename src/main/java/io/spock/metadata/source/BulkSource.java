package io.spock.metadata.source;

import io.spock.metadata.bulk.ListMeta;

import java.util.List;
import java.util.Optional;

/**
 * A source whose answers come from whole-market lists, downloaded once per run when older than their maximum age
 * and kept in the cache folder (see {@code bulk/ListRefresher}).
 */
public interface BulkSource extends ClassificationSource {

    /** One kept list and what the cache knows of it. */
    record ListStatus(String list, ListMeta meta) {
    }

    /** Whether its setting ({@code spock.sources.<name>.enabled}) lets it take part; a switched-off source answers nothing. */
    boolean switchedOn();

    /**
     * Why it takes no part although it may be listed in {@code config/sources.json}, in one line: its setting switched
     * it off, or a setting it needs is missing. Empty when it is switched on.
     */
    default Optional<String> offReason() {
        return switchedOn() ? Optional.empty()
                : Optional.of("switched off (spock.sources." + id().key().replace('_', '-') + ".enabled)");
    }

    /** Its lists and their cache metadata, for the {@code sources} command; reads the cache only. */
    List<ListStatus> lists();

    /**
     * Downloads every list now, whatever its age ({@code sources refresh}). A list that fails keeps its last good
     * copy.
     *
     * @return one line per list that could not be refreshed, naming it and the reason; empty when all went well
     */
    List<String> refresh();
}
