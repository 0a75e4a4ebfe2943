package io.spock.metadata.store;

import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** The tickers a {@link TickerFilter} selects, sorted and paged, behind {@code tickers}. */
public final class TickerQuery {

    /**
     * One page of tickers.
     *
     * @param matching how many tickers match in all
     * @param offset   how many matching tickers came before this page
     */
    public record Page(List<TickersRecord> rows, int matching, int offset) {
        public Page {
            rows = List.copyOf(rows);
        }

        /** Matching tickers after this page. */
        public int more() {
            return Math.max(0, matching - offset - rows.size());
        }
    }

    private final DSLContext dsl;

    public TickerQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * @param sort       the columns to sort by, in order; region and ticker always break ties
     * @param descending sort every given column from high to low (empty values stay last)
     * @param limit      the most rows returned, 1 or more
     * @param offset     matching rows to skip first, 0 or more
     */
    public Page find(TickerFilter filter, List<TickerColumn> sort, boolean descending, int limit, int offset) {
        Condition where = filter.condition();
        int matching = dsl.fetchCount(TICKERS, where);
        if (matching <= offset) {
            return new Page(List.of(), matching, offset);
        }
        Set<TickerColumn> columns = new LinkedHashSet<>(sort);
        List<SortField<?>> order = new ArrayList<>();
        for (TickerColumn column : columns) {
            order.add((descending ? column.sortKey().desc() : column.sortKey().asc()).nullsLast());
        }
        if (!columns.contains(TickerColumn.REGION)) {
            order.add(TICKERS.REGION.asc());
        }
        if (!columns.contains(TickerColumn.TICKER)) {
            order.add(TICKERS.TICKER.asc());
        }
        return new Page(dsl.selectFrom(TICKERS).where(where).orderBy(order).limit(limit).offset(offset).fetch(),
                matching, offset);
    }

    /** The sources that decided some stored ticker, by name. */
    public List<Source> sources() {
        return dsl.selectDistinct(TICKERS.SOURCE).from(TICKERS).where(TICKERS.SOURCE.isNotNull())
                .fetch(TICKERS.SOURCE).stream().map(Source::of).sorted(Comparator.comparing(Source::name))
                .toList();
    }
}
