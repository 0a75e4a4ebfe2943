package io.spock.metadata.universe;

import io.spock.metadata.support.TestStore;

/** The CSV import tests again, on a PostgreSQL schema of its own per test: the batched writes and lookups. */
class PostgresCsvUniverseImportTest extends CsvUniverseImportTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
