package io.spock.metadata.store;

import io.spock.metadata.market.Region;
import org.jooq.Condition;
import org.jooq.DSLContext;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Ticker-name lookups for completion and "did you mean" hints; prefix search uses the ticker index. */
public final class TickerLookup {

    private final DSLContext dsl;

    public TickerLookup(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The regions in which {@code ticker} is listed, in region order. */
    public List<Region> regionsOf(String ticker) {
        return dsl.select(TICKERS.REGION).from(TICKERS).where(TICKERS.TICKER.eq(ticker))
                .fetch(TICKERS.REGION).stream().map(Region::valueOf).sorted().toList();
    }

    /** Up to {@code limit} listed tickers closest to an unknown one, for a "did you mean" hint. */
    public List<String> closestTo(String ticker, int limit) {
        String wanted = ticker.trim().toUpperCase(Locale.ROOT);
        String head = wanted.isEmpty() ? "" : wanted.substring(0, 1);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return startingWith(head, null, 2_000).stream()
                .sorted(Comparator.comparingInt((String t) -> distance.apply(t, wanted)).thenComparing(t -> t))
                .limit(limit)
                .toList();
    }

    /** Tickers starting with {@code prefix} (case-insensitive), in order, at most {@code limit}. */
    public List<String> startingWith(String prefix, Region region, int limit) {
        String from = prefix == null ? "" : prefix.trim().toUpperCase(Locale.ROOT);
        Condition condition = from.isEmpty() ? TICKERS.TICKER.isNotNull()
                : TICKERS.TICKER.ge(from).and(TICKERS.TICKER.lt(from + Character.MAX_VALUE));
        if (region != null) {
            condition = condition.and(TICKERS.REGION.eq(region.name()));
        }
        return dsl.selectDistinct(TICKERS.TICKER)
                .from(TICKERS)
                .where(condition)
                .orderBy(TICKERS.TICKER)
                .limit(limit)
                .fetch(TICKERS.TICKER);
    }
}
