package io.spock.metadata.support;

import org.junit.jupiter.api.Assumptions;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What tests that need an outside service or tool do when it is missing: skip with a message saying how to get it,
 * except under CI ({@code CI=true}), where a missing service is a failure, so that CI never passes by skipping.
 */
public final class TestServices {

    /** Each reason is printed on the console once per test JVM, not once per skipped test. */
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

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
        String reason = what + ": tests skipped (" + hint + ")";
        if (TOLD.add(reason)) {
            System.err.println(reason);
        }
        Assumptions.abort(reason);
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
