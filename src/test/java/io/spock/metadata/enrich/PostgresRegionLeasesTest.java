package io.spock.metadata.enrich;

import io.spock.metadata.support.TestStore;

/** {@link RegionLeasesTest} on PostgreSQL, where the lease row is locked with {@code SELECT … FOR UPDATE}. */
class PostgresRegionLeasesTest extends RegionLeasesTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
