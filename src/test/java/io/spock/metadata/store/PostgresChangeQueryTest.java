package io.spock.metadata.store;

import io.spock.metadata.support.TestStore;

/** The change history tests again, on a PostgreSQL schema of its own per test. */
class PostgresChangeQueryTest extends ChangeQueryTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
