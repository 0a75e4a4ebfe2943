package io.spock.metadata.enrich;

import io.spock.metadata.support.TestStore;

/** The pipeline tests again, on a PostgreSQL schema of its own per test. */
class PostgresEnrichmentServiceTest extends EnrichmentServiceTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
