package io.spock.metadata.enrich;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Region;
import io.spock.metadata.source.RegionView;
import io.spock.metadata.store.Source;
import org.jooq.DSLContext;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * The {@link RegionView} of one region during a run: the decisions this run has made, else what is stored, and
 * whether the run refreshes caches. The stored classifications are read once, the first time a source asks.
 */
final class RegionClassifications implements RegionView {

    private final DSLContext dsl;
    private final GicsTaxonomy gics;
    private final Region region;
    private final boolean refresh;
    private final Map<String, Classification> decided = new ConcurrentHashMap<>();
    private volatile Map<String, Classification> stored;

    /** @param refresh the run's {@link RegionView#refresh()} */
    RegionClassifications(DSLContext dsl, GicsTaxonomy gics, Region region, boolean refresh) {
        this.dsl = dsl;
        this.gics = gics;
        this.region = region;
        this.refresh = refresh;
    }

    @Override
    public boolean refresh() {
        return refresh;
    }

    /** Records what this run decided for a ticker. */
    void decided(Outcome outcome) {
        if (outcome.classified()) {
            decided.put(outcome.candidate().ticker(),
                    new Classification(outcome.sector(), outcome.source(), outcome.confidence()));
        }
    }

    @Override
    public Optional<Classification> classification(String ticker) {
        Classification now = decided.get(ticker);
        return now != null ? Optional.of(now) : Optional.ofNullable(stored().get(ticker));
    }

    private Map<String, Classification> stored() {
        Map<String, Classification> loaded = stored;
        if (loaded == null) {
            synchronized (this) {
                if (stored == null) {
                    stored = load();
                }
                loaded = stored;
            }
        }
        return loaded;
    }

    private Map<String, Classification> load() {
        Map<String, Classification> rows = new ConcurrentHashMap<>();
        dsl.select(TICKERS.TICKER, TICKERS.SECTOR_CODE, TICKERS.SOURCE, TICKERS.CONFIDENCE)
                .from(TICKERS)
                .where(TICKERS.REGION.eq(region.name()), TICKERS.SECTOR_CODE.isNotNull(), TICKERS.SOURCE.isNotNull())
                .forEach(r -> gics.sector(r.value2()).ifPresent(sector -> rows.put(r.value1(), new Classification(
                        sector, Source.of(r.value3()),
                        Confidence.parse(r.value4()).orElse(Confidence.LOW)))));
        return rows;
    }
}
