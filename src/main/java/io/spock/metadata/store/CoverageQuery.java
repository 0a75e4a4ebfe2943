package io.spock.metadata.store;

import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Distributions and the unclassified list behind {@code coverage-report}. */
public final class CoverageQuery {

    /** What a distribution counts by. */
    public enum Dimension {
        SECTOR, SOURCE, EXCHANGE
    }

    private final DSLContext dsl;

    public CoverageQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Per region of the filter, the count of the tickers it selects by the dimension's value ("-" where it is
     * empty), in key order.
     */
    public Map<String, Map<String, Integer>> distribution(TickerFilter filter, Dimension dimension) {
        Field<String> key = switch (dimension) {
            case SECTOR -> TICKERS.SECTOR_CODE;
            case SOURCE -> TICKERS.SOURCE;
            case EXCHANGE -> TICKERS.EXCHANGE;
        };
        Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
        filter.regions().forEach(r -> result.put(r.name(), new TreeMap<>()));
        dsl.select(TICKERS.REGION, key, DSL.count())
                .from(TICKERS)
                .where(filter.condition())
                .groupBy(TICKERS.REGION, key)
                .forEach(r -> result.get(r.value1()).put(r.value2() == null ? "-" : r.value2(), r.value3()));
        return result;
    }

    /** The tickers a filter selects that are still without a sector (funds excepted), with their last error. */
    public List<TickersRecord> unclassified(TickerFilter filter) {
        return dsl.selectFrom(TICKERS)
                .where(filter.condition()
                        .and(TICKERS.SECTOR_CODE.isNull())
                        .and(TICKERS.STATUS.ne(TickerStatus.NOT_APPLICABLE.name())))
                .orderBy(TICKERS.REGION, TICKERS.TICKER)
                .fetch();
    }
}
