package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.SecurityType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
        // Funds (ETF/ETN…) have no sector to find: only named tickers bring them to Yahoo.
        Condition stocks = TICKERS.SECURITY_TYPE.eq(SecurityType.STOCK.name());
        condition = condition.and(switch (mode) {
            case FORCE_REFRESH -> stocks;
            case TICKERS -> TICKERS.TICKER.in(tickers);
            case INCREMENTAL -> stocks.and(TICKERS.LAST_ENRICHED.isNull()
                    .or(TICKERS.LAST_ENRICHED.lt(staleBefore))
                    .or(TICKERS.STATUS.in(TickerStatus.PENDING.name(), TickerStatus.FAILED.name(),
                            TickerStatus.DEFERRED.name())));
        });
        if (!includeManual) {
            condition = condition.and(Source.notManual());
        }
        // Read straight from the JDBC result set: on 100k rows jOOQ's record mapping costs more than the query.
        try (ResultSet rows = dsl.select(TICKERS.REGION, TICKERS.TICKER, TICKERS.EXCHANGE, TICKERS.NAME_EN,
                        TICKERS.NAME_KO, TICKERS.KIS_CODE, TICKERS.YAHOO_SYMBOL, TICKERS.SECTOR_CODE, TICKERS.INDUSTRY,
                        TICKERS.SOURCE, TICKERS.IS_SPAC, TICKERS.IS_PREFERRED)
                .from(TICKERS)
                .where(condition)
                .orderBy(TICKERS.TICKER)
                .fetchResultSet()) {
            List<Candidate> candidates = new ArrayList<>();
            while (rows.next()) {
                candidates.add(new Candidate(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                        rows.getString(9), rows.getString(10), rows.getBoolean(11), rows.getBoolean(12)));
            }
            return candidates;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the tickers due for enrichment: " + e.getMessage(), e);
        }
    }
}
