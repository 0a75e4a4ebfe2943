package io.spock.metadata.shell;

import io.spock.metadata.support.TestStore;

/** The operator command tests again, on a PostgreSQL schema of its own per test. */
class PostgresOperatorCommandsTest extends OperatorCommandsTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
