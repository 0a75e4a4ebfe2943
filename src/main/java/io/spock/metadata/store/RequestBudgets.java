package io.spock.metadata.store;

import io.spock.metadata.http.SlotLedger;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectConditionStep;

import static io.spock.metadata.store.generated.Tables.REQUEST_BUDGETS;

/**
 * The request timelines that every process using this store shares ({@code request_budgets}, one row per service):
 * where the next free stretch begins. A reservation reads and moves it in one transaction, with the row locked
 * ({@code SELECT … FOR UPDATE} on PostgreSQL; on SQLite the transaction begins {@code IMMEDIATE}, holding the
 * write lock), so that no two processes get the same stretch.
 */
public final class RequestBudgets {

    /** The Yahoo Finance timeline (the row migration V8 creates). */
    public static final String YAHOO = "YAHOO";
    /**
     * A free stretch further ahead than this is not waited for: a clock that ran ahead (or a rate set absurdly low)
     * must not stop every process for hours.
     */
    static final long MAX_AHEAD_MICROS = 3_600_000_000L;

    private final DSLContext dsl;

    public RequestBudgets(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The shared timeline of one service. */
    public SlotLedger ledger(String service) {
        return (length, now) -> reserve(service, length, now);
    }

    private long reserve(String service, long length, long now) {
        return dsl.transactionResult(tx -> {
            SelectConditionStep<Record1<Long>> free = tx.dsl().select(REQUEST_BUDGETS.NEXT_FREE_US)
                    .from(REQUEST_BUDGETS).where(REQUEST_BUDGETS.SERVICE.eq(service));
            Record1<Long> row = RowLocks.fetchLocked(tx.dsl(), free);
            if (row == null) {
                tx.dsl().insertInto(REQUEST_BUDGETS).set(REQUEST_BUDGETS.SERVICE, service)
                        .set(REQUEST_BUDGETS.NEXT_FREE_US, 0L).onConflictDoNothing().execute();
                row = RowLocks.fetchLocked(tx.dsl(), free);
            }
            long nextFree = row.value1();
            long start = nextFree - now > MAX_AHEAD_MICROS ? now : Math.max(now, nextFree);
            tx.dsl().update(REQUEST_BUDGETS).set(REQUEST_BUDGETS.NEXT_FREE_US, start + length)
                    .where(REQUEST_BUDGETS.SERVICE.eq(service)).execute();
            return start;
        });
    }
}
