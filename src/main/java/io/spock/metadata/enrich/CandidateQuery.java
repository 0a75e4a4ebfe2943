package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.store.SecurityType;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Picks the tickers of one region that a run should enrich. */
public final class CandidateQuery {

    /** The columns read, in select order; each value is read by its column's position, computed once. */
    private static final List<Field<?>> COLUMNS = List.of(TICKERS.REGION, TICKERS.TICKER, TICKERS.EXCHANGE,
            TICKERS.NAME_EN, TICKERS.NAME_KO, TICKERS.KIS_CODE, TICKERS.YAHOO_SYMBOL, TICKERS.SECTOR_CODE,
            TICKERS.INDUSTRY, TICKERS.SOURCE, TICKERS.IS_SPAC, TICKERS.IS_PREFERRED);
    private static final int REGION = position(TICKERS.REGION);
    private static final int TICKER = position(TICKERS.TICKER);
    private static final int EXCHANGE = position(TICKERS.EXCHANGE);
    private static final int NAME_EN = position(TICKERS.NAME_EN);
    private static final int NAME_KO = position(TICKERS.NAME_KO);
    private static final int KIS_CODE = position(TICKERS.KIS_CODE);
    private static final int YAHOO_SYMBOL = position(TICKERS.YAHOO_SYMBOL);
    private static final int SECTOR_CODE = position(TICKERS.SECTOR_CODE);
    private static final int INDUSTRY = position(TICKERS.INDUSTRY);
    private static final int SOURCE = position(TICKERS.SOURCE);
    private static final int IS_SPAC = position(TICKERS.IS_SPAC);
    private static final int IS_PREFERRED = position(TICKERS.IS_PREFERRED);

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
        return read(condition);
    }

    /** One listed or delisted ticker as a candidate, whatever its state; empty when there is no such row. */
    public Optional<Candidate> find(String region, String ticker) {
        return read(TICKERS.REGION.eq(region).and(TICKERS.TICKER.eq(ticker))).stream().findFirst();
    }

    private List<Candidate> read(Condition condition) {
        // Read straight from the JDBC result set: on 100k rows jOOQ's record mapping costs more than the query.
        try (ResultSet rows = dsl.select(COLUMNS)
                .from(TICKERS)
                .where(condition)
                .orderBy(TICKERS.TICKER)
                .fetchResultSet()) {
            List<Candidate> candidates = new ArrayList<>();
            while (rows.next()) {
                candidates.add(new Candidate(rows.getString(REGION), rows.getString(TICKER), rows.getString(EXCHANGE),
                        rows.getString(NAME_EN), rows.getString(NAME_KO), rows.getString(KIS_CODE),
                        rows.getString(YAHOO_SYMBOL), rows.getString(SECTOR_CODE), rows.getString(INDUSTRY),
                        rows.getString(SOURCE), rows.getBoolean(IS_SPAC), rows.getBoolean(IS_PREFERRED)));
            }
            return candidates;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the tickers due for enrichment: " + e.getMessage(), e);
        }
    }

    /** The JDBC position (from 1) of a column in {@link #COLUMNS}. */
    private static int position(Field<?> column) {
        return COLUMNS.indexOf(column) + 1;
    }
}
