package io.spock.metadata.bench;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.ChangeFilter;
import io.spock.metadata.store.ChangeQuery;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.store.Selection;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerColumn;
import io.spock.metadata.store.TickerFilter;
import io.spock.metadata.store.TickerQuery;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.universe.UniverseWriter;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Data inspection on a large store: {@code tickers} with filters and a sort, {@code changes --summary}. */
final class InspectBench {

    private static final int RUNS = 10;
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 2, 30);

    private InspectBench() {
    }

    static List<Benchmarks.Figure> tickersAndChanges(int tickers, int changes) throws Exception {
        Path dir = Benchmarks.scratch("spock-inspect-bench");
        try (Database db = Database.open(DatabaseLocation.parse(dir.resolve("inspect.db").toString(), null), null,
                null)) {
            List<GicsSector> sectors = GicsTaxonomy.load().sectors();
            universe(db.dsl(), tickers, sectors);
            history(db.dsl(), tickers, changes, sectors);
            TickerQuery query = new TickerQuery(db.dsl());
            ChangeQuery history = new ChangeQuery(db.dsl());

            TickerFilter japaneseIt = TickerFilter.builder().regions(Set.of(Region.JP))
                    .sectors(Selection.anyOf(List.of("45"))).delisted(false).build();
            TickerFilter byName = TickerFilter.builder().names(Selection.anyOf(List.of("co 12")))
                    .sources(Selection.anyOf(List.of(Source.KIS))).delisted(false).build();
            ChangeFilter everything = ChangeFilter.builder().build();
            for (int i = 0; i < 20; i++) {
                query.find(japaneseIt, List.of(TickerColumn.NAME), false, 50, 0);
                history.migrations(everything);
            }
            double filtered = median(() -> timed(() -> query.find(japaneseIt, List.of(TickerColumn.NAME), false, 50,
                    0)));
            double named = median(() -> timed(() -> query.find(byName, List.of(TickerColumn.CONFIDENCE), true, 50,
                    0)));
            double summary = median(() -> timed(() -> history.migrations(everything)));
            return List.of(
                    new Benchmarks.Figure("(6) tickers --regions JP --sector 45 --sort name, " + tickers
                            + " tickers, median of 5", filtered * 1000, "ms", "<= 100", filtered * 1000 <= 100),
                    new Benchmarks.Figure("(6) tickers --name 'co 12' --source kis --sort confidence --desc (no index)",
                            named * 1000, "ms", "-", true),
                    new Benchmarks.Figure("(6) changes --summary over " + changes + " history rows, median of 5",
                            summary * 1000, "ms", "<= 300", summary * 1000 <= 300));
        }
    }

    /** Listings on every exchange, classified round the sectors, sources and confidences. */
    private static void universe(DSLContext dsl, int tickers, List<GicsSector> sectors) {
        List<Exchange> exchanges = Markets.exchanges();
        List<Listing> listings = new ArrayList<>(tickers);
        for (int i = 0; i < tickers; i++) {
            listings.add(Listing.of(exchanges.get(i % exchanges.size()), String.format("T%06d", i), "Co " + i,
                    null, SecurityType.STOCK, "010"));
        }
        new UniverseWriter(dsl, Clock.systemUTC()).insertMissing(listings);
        Confidence[] confidences = Confidence.values();
        dsl.transaction(tx -> {
            BatchBindStep batch = tx.dsl().batch(tx.dsl().update(TICKERS)
                    .set(TICKERS.SECTOR_CODE, (String) null).set(TICKERS.SECTOR_EN, (String) null)
                    .set(TICKERS.SOURCE, (String) null).set(TICKERS.CONFIDENCE, (String) null)
                    .set(TICKERS.STATUS, "CLASSIFIED").set(TICKERS.LAST_ENRICHED, (LocalDateTime) null)
                    .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null)));
            for (int i = 0; i < tickers; i++) {
                GicsSector sector = sectors.get(i / exchanges.size() % sectors.size());
                batch.bind(sector.code(), sector.nameEn(), i % 3 == 0 ? "YAHOO" : "KIS",
                        confidences[i % confidences.length].name(), NOW.minusDays(i % 60),
                        exchanges.get(i % exchanges.size()).region().name(), String.format("T%06d", i));
            }
            batch.execute();
        });
    }

    /** Sector and industry changes spread over the tickers and {@link #RUNS} runs. */
    private static void history(DSLContext dsl, int tickers, int changes, List<GicsSector> sectors) {
        List<Exchange> exchanges = Markets.exchanges();
        dsl.transaction(tx -> {
            for (int run = 1; run <= RUNS; run++) {
                tx.dsl().insertInto(ENRICHMENT_RUNS).set(ENRICHMENT_RUNS.ID, run)
                        .set(ENRICHMENT_RUNS.STARTED_AT, NOW.minusDays(RUNS - run))
                        .set(ENRICHMENT_RUNS.REGIONS, "US,CN,HK,JP,VN").set(ENRICHMENT_RUNS.MODE, "INCREMENTAL")
                        .set(ENRICHMENT_RUNS.STATUS, "COMPLETED").execute();
            }
            var h = CLASSIFICATION_HISTORY;
            BatchBindStep batch = tx.dsl().batch(tx.dsl().insertInto(h, h.REGION, h.TICKER, h.RUN_ID, h.CHANGED_AT,
                    h.SOURCE, h.OLD_SECTOR_CODE, h.NEW_SECTOR_CODE, h.OLD_INDUSTRY, h.NEW_INDUSTRY, h.REASON)
                    .values((String) null, null, null, null, null, null, null, null, null, null));
            for (int i = 0; i < changes; i++) {
                int ticker = i % tickers;
                int run = 1 + i % RUNS;
                String from = i % 5 == 0 ? null : sectors.get(i % sectors.size()).code();
                String to = sectors.get((i * 7 + 3) % sectors.size()).code();
                batch.bind(exchanges.get(ticker % exchanges.size()).region().name(), String.format("T%06d", ticker),
                        run, NOW.minusDays(RUNS - run), "KIS", from, to, "old industry", "new industry", "bench");
            }
            batch.execute();
        });
    }

    private static double timed(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(Supplier<Double> measure) {
        double[] values = new double[5];
        for (int i = 0; i < values.length; i++) {
            values[i] = measure.get();
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
