package io.spock.metadata.store;

import io.spock.metadata.support.TestStore;

/** {@link RequestBudgetsTest} on PostgreSQL, where the row is locked with {@code SELECT … FOR UPDATE}. */
class PostgresRequestBudgetsTest extends RequestBudgetsTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
