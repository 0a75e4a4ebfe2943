package io.spock.metadata.store;

import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Everything stored about one ticker: its row and its classification history. */
public final class TickerDetails {

    private final DSLContext dsl;

    public TickerDetails(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<TickersRecord> row(String region, String ticker) {
        return dsl.selectFrom(TICKERS).where(TICKERS.REGION.eq(region).and(TICKERS.TICKER.eq(ticker))).fetchOptional();
    }

    /** Newest first. */
    public List<ClassificationHistoryRecord> history(String region, String ticker) {
        return dsl.selectFrom(CLASSIFICATION_HISTORY)
                .where(CLASSIFICATION_HISTORY.REGION.eq(region).and(CLASSIFICATION_HISTORY.TICKER.eq(ticker)))
                .orderBy(CLASSIFICATION_HISTORY.CHANGED_AT.desc(), CLASSIFICATION_HISTORY.ID.desc())
                .fetch();
    }
}
