package io.spock.metadata.shell;

import io.spock.metadata.support.TestStore;

/** The review tests again, on a PostgreSQL schema of its own per test. */
class PostgresReviewCommandTest extends ReviewCommandTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
