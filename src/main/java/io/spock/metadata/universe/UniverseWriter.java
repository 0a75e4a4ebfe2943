package io.spock.metadata.universe;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Writes listings into {@code tickers}. */
public final class UniverseWriter {

    private static final int BATCH = 500;

    private final DSLContext dsl;
    private final Clock clock;

    public UniverseWriter(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Adds listings that are not there yet, in one transaction; existing (region, ticker) rows are left alone. */
    public int insertMissing(List<Listing> listings) {
        LocalDateTime now = LocalDateTime.now(clock);
        return dsl.transactionResult(tx -> {
            int inserted = 0;
            for (int from = 0; from < listings.size(); from += BATCH) {
                var insert = tx.dsl().insertInto(TICKERS, TICKERS.REGION, TICKERS.TICKER,
                        TICKERS.EXCHANGE, TICKERS.NAME_EN, TICKERS.NAME_KO, TICKERS.SECURITY_TYPE, TICKERS.KIS_CODE,
                        TICKERS.YAHOO_SYMBOL, TICKERS.IS_PREFERRED, TICKERS.CREATED_AT, TICKERS.UPDATED_AT);
                for (Listing l : listings.subList(from, Math.min(listings.size(), from + BATCH))) {
                    insert = insert.values(l.region(), l.ticker(), l.exchange().code(), l.nameEn(), l.nameKo(),
                            l.securityType().name(), l.kisCode(), l.yahooSymbol(), l.preferred(), now, now);
                }
                inserted += insert.onConflictDoNothing().execute();
            }
            return inserted;
        });
    }
}
