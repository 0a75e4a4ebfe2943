package io.spock.metadata.support;

import java.util.Map;

/**
 * Tests start with every bulk-list source switched off, so that no test reaches a real exchange's server; the tests of
 * those sources switch them on and point them at WireMock.
 */
final class BulkSourcesOff {

    static final Map<String, String> PROPERTIES = Map.of(
            "spock.sources.jpx.enabled", "false",
            "spock.sources.nasdaq.enabled", "false",
            "spock.sources.sec.enabled", "false",
            "spock.sources.yahoo-screener.enabled", "false");

    private BulkSourcesOff() {
    }
}
