package io.spock.metadata.store;

import io.spock.metadata.support.TestStore;

/** The ticker filter tests again, on a PostgreSQL schema of its own per test. */
class PostgresTickerQueryTest extends TickerQueryTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
