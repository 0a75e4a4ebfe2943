package io.spock.metadata.support;

import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;

import java.util.UUID;

/**
 * The PostgreSQL server the tests use, from {@code SPOCK_TEST_PG_URL} ({@code .ci/run} starts one). Without it the
 * PostgreSQL tests are skipped with a message, except under CI, where a missing server is a failure.
 */
public final class Postgres {

    private static final String VARIABLE = "SPOCK_TEST_PG_URL";

    private Postgres() {
    }

    /** Skips (or, on CI, fails) the calling test when no server is configured. */
    public static String requireServer() {
        return TestServices.variable(VARIABLE, "e.g. source .ci/postgres.sh && start_postgres");
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
