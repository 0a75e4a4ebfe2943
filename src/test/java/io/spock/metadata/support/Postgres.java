package io.spock.metadata.support;

import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The PostgreSQL server the tests use, from {@code SPOCK_TEST_PG_URL} ({@code .ci/run} starts one). Without it the
 * PostgreSQL tests are skipped with a message, except under CI, where a missing server is a failure.
 */
public final class Postgres {

    private static final String VARIABLE = "SPOCK_TEST_PG_URL";
    private static final String SKIPPED = "PostgreSQL tests skipped: set " + VARIABLE
            + " (e.g. source .ci/postgres.sh && start_postgres)";
    /** The reason is printed on the console once per test JVM, not once per skipped test. */
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private Postgres() {
    }

    /** Skips (or, on CI, fails) the calling test when no server is configured. */
    public static String requireServer() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(VARIABLE + " is not set: CI must run the PostgreSQL tests");
            }
            if (!TOLD.getAndSet(true)) {
                System.err.println(SKIPPED);
            }
            Assumptions.abort(SKIPPED);
        }
        return url;
    }

    /** A JDBC URL of a new, empty schema on the test server, so that every test starts clean. */
    public static String freshSchemaUrl() {
        String url = requireServer();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (CloseableDSLContext admin = DSL.using(url)) {
            admin.createSchema(schema).execute();
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
