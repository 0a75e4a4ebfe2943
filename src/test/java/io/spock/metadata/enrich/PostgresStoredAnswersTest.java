package io.spock.metadata.enrich;

import io.spock.metadata.support.TestStore;

/** {@link StoredAnswersTest} on PostgreSQL. */
class PostgresStoredAnswersTest extends StoredAnswersTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
