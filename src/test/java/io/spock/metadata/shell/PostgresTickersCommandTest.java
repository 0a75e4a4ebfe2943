package io.spock.metadata.shell;

import io.spock.metadata.support.TestStore;

/** The tickers tests again, on a PostgreSQL schema of its own per test. */
class PostgresTickersCommandTest extends TickersCommandTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
