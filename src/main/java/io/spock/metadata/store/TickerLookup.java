package io.spock.metadata.store;

import io.spock.metadata.market.Region;
import org.jooq.Condition;
import org.jooq.DSLContext;

import io.spock.metadata.market.Markets;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * The listings a typed ticker names in the given regions, in region order: the ticker in each region's canonical
     * form ({@link io.spock.metadata.market.TickerForm}: {@code 858} is CN 000858 and HK 00858, {@code BRK.B} is US
     * BRK/B); when none is listed, the listings whose Yahoo symbol it is ({@code BAC-PL}, {@code 0700.HK}).
     */
    public List<ListingKey> resolve(String typed, Collection<Region> regions) {
        List<Condition> canonical = new ArrayList<>();
        for (Region region : regions) {
            Markets.tickerForm(region).canonical(typed).ifPresent(ticker ->
                    canonical.add(TICKERS.REGION.eq(region.name()).and(TICKERS.TICKER.eq(ticker))));
        }
        List<ListingKey> found = canonical.isEmpty() ? List.of() : keys(DSL.or(canonical));
        if (!found.isEmpty() || typed == null || typed.isBlank()) {
            return found;
        }
        return keys(TICKERS.REGION.in(regions.stream().map(Region::name).toList())
                .and(TICKERS.YAHOO_SYMBOL.eq(typed.trim().toUpperCase(Locale.ROOT))));
    }

    private List<ListingKey> keys(Condition condition) {
        return dsl.select(TICKERS.REGION, TICKERS.TICKER).from(TICKERS).where(condition)
                .fetch(r -> new ListingKey(Region.valueOf(r.value1()), r.value2())).stream()
                .sorted(Comparator.comparing(ListingKey::region).thenComparing(ListingKey::ticker)).toList();
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
