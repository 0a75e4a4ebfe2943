package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Picks the tickers of one region that a run should enrich. */
public final class CandidateQuery {

    private final DSLContext dsl;

    public CandidateQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * @param staleBefore    classifications older than this are due again (incremental mode)
     * @param tickers        the named tickers (TICKERS mode), else ignored
     * @param includeManual  also pick tickers fixed by hand (they are skipped otherwise)
     */
    public List<Candidate> select(Region region, EnrichMode mode, LocalDateTime staleBefore,
                                  Collection<String> tickers, boolean includeManual) {
        Condition condition = TICKERS.REGION.eq(region.name()).and(TICKERS.DELISTED.isFalse());
        condition = condition.and(switch (mode) {
            case FORCE_REFRESH -> TICKERS.TICKER.isNotNull();
            case TICKERS -> TICKERS.TICKER.in(tickers);
            case INCREMENTAL -> TICKERS.LAST_ENRICHED.isNull()
                    .or(TICKERS.LAST_ENRICHED.lt(staleBefore))
                    .or(TICKERS.STATUS.in(TickerStatus.PENDING.name(), TickerStatus.FAILED.name(),
                            TickerStatus.DEFERRED.name()));
        });
        if (!includeManual) {
            condition = condition.and(TICKERS.SOURCE.isNull().or(TICKERS.SOURCE.ne(Source.MANUAL.name())));
        }
        return dsl.select(TICKERS.REGION, TICKERS.TICKER, TICKERS.EXCHANGE, TICKERS.NAME_EN, TICKERS.NAME_KO,
                        TICKERS.KIS_CODE, TICKERS.YAHOO_SYMBOL, TICKERS.SECTOR_CODE, TICKERS.INDUSTRY, TICKERS.SOURCE,
                        TICKERS.IS_SPAC, TICKERS.IS_PREFERRED)
                .from(TICKERS)
                .where(condition)
                .orderBy(TICKERS.TICKER)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }
}
