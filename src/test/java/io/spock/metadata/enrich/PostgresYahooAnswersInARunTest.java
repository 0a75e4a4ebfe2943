package io.spock.metadata.enrich;

import io.spock.metadata.support.TestStore;

/** {@link YahooAnswersInARunTest} on PostgreSQL (skipped without {@code SPOCK_TEST_PG_URL}). */
class PostgresYahooAnswersInARunTest extends YahooAnswersInARunTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
