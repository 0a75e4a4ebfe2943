package io.spock.metadata.shell;

import io.spock.metadata.support.TestStore;

/** The changes tests again, on a PostgreSQL schema of its own per test. */
class PostgresChangesCommandTest extends ChangesCommandTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
