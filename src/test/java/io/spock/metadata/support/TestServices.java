package io.spock.metadata.support;

import org.junit.jupiter.api.Assumptions;

/**
 * What tests that need an outside service or tool do when it is missing: skip with a message saying how to get it,
 * except under CI ({@code CI=true}), where a missing service is a failure, so that CI never passes by skipping.
 */
public final class TestServices {

    private TestServices() {
    }

    /**
     * @param what what is missing ({@code SPOCK_TEST_PG_URL is not set})
     * @param hint how to get it, for the skip message
     */
    public static void missing(String what, String hint) {
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(what + ": CI must run these tests");
        }
        Assumptions.abort(what + ": tests skipped (" + hint + ")");
    }

    /** The value of the environment variable, or {@link #missing} when it is unset or blank. */
    public static String variable(String name, String hint) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            missing(name + " is not set", hint);
        }
        return value;
    }
}
