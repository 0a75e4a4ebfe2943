package io.spock.metadata.reliability;

import io.spock.metadata.support.TestStore;

/** {@link SeveralInstancesTest} with the two processes on one PostgreSQL database. */
class PostgresSeveralInstancesTest extends SeveralInstancesTest {

    @Override
    TestStore.Backend backend() {
        return TestStore.Backend.POSTGRES;
    }
}
