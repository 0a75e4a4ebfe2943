package io.spock.metadata.store;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Where a stored classification came from. */
public enum Source {
    KIS, YAHOO, MANUAL;

    /**
     * Rows not fixed by hand: the guard of every automatic write. Inlined, not bound, so that batched statements
     * bind only their own per-row values.
     */
    public static Condition notManual() {
        return TICKERS.SOURCE.isNull().or(TICKERS.SOURCE.ne(DSL.inline(MANUAL.name())));
    }
}
