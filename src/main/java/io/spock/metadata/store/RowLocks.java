package io.spock.metadata.store;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectForUpdateStep;

/** Reading a row that the transaction goes on to change, so that no other writer changes it in between. */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * The one row {@code select} finds, or null, locked until the transaction ends: {@code SELECT … FOR UPDATE} on
     * PostgreSQL; SQLite has no row locks and needs none, its transactions beginning {@code IMMEDIATE} with the
     * whole database's write lock.
     */
    public static <R extends Record> R fetchLocked(DSLContext dsl, SelectForUpdateStep<R> select) {
        return dsl.dialect() == SQLDialect.SQLITE ? select.fetchOne() : select.forUpdate().fetchOne();
    }
}
