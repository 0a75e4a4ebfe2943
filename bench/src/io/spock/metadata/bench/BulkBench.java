package io.spock.metadata.bench;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.enrich.BulkSources;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.PipelineFactory;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.SourcesProperties;
import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.market.Region;
import io.spock.metadata.source.BulkSource;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.source.RegionView;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.store.SourceShares;
import io.spock.metadata.universe.MasterImporter;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;
import org.jooq.impl.DSL;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * The real universe with every bulk source: all nine of KIS's real master files imported, every source served by
 * {@link BulkStandIns} in its documented shape, and a {@code --force-refresh} of all regions. Counts the per-ticker
 * Yahoo calls and all HTTP requests, projects the wall time at Yahoo's 1 request/s (the stand-in answers faster so
 * that a run takes seconds, not the projected minutes), times parsing and classifying every bulk list, and records
 * the run's peak heap. Median of {@link #RUNS} runs.
 */
final class BulkBench {

    static final int RUNS = 3;
    private static final Path MASTERS = Path.of("..", "shared", "reference", "kis-master");
    private static final List<String> SECTORS = List.of("10", "15", "20", "25", "30", "35", "40", "45", "50", "55",
            "60");

    private BulkBench() {
    }

    private record Run(double perTickerYahoo, double allRequests, double screener, double sec, double projected,
                       double parseClassify, double peakHeapMb, Map<String, int[]> bySource, int stocks) {
    }

    static List<Benchmarks.Figure> realUniverse() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(once(Benchmarks.scratch("spock-bulk-bench")));
            Run r = runs.get(i);
            System.out.printf("bulk run %d: per-ticker Yahoo %.0f, all requests %.0f, parse+classify %.2f s, "
                    + "peak heap %.0f MB%n", i + 1, r.perTickerYahoo(), r.allRequests(), r.parseClassify(),
                    r.peakHeapMb());
        }
        Run last = runs.get(runs.size() - 1);
        System.out.printf("%nuniverse: %d stocks; per source: answered (sector) / decided%n", last.stocks());
        last.bySource().forEach((source, n) -> System.out.printf("  %-16s %6d answered (%4.1f %%)  %6d decided (%4.1f %%)%n",
                source, n[0], 100.0 * n[0] / last.stocks(), n[1], 100.0 * n[1] / last.stocks()));
        double yahoo = median(runs, Run::perTickerYahoo);
        double all = median(runs, Run::allRequests);
        double parse = median(runs, Run::parseClassify);
        double heap = median(runs, Run::peakHeapMb);
        return List.of(
                new Benchmarks.Figure("(6) real universe --force-refresh: per-ticker Yahoo calls", yahoo, "calls",
                        "<= 1000 (was 9905)", yahoo <= 1000),
                new Benchmarks.Figure("(6) real universe: all HTTP requests", all, "requests", "<= 1500", all <= 1500),
                new Benchmarks.Figure("(6) of which Yahoo screener pages", median(runs, Run::screener), "requests", "-",
                        true),
                new Benchmarks.Figure("(6) of which SEC submissions", median(runs, Run::sec), "requests", "-", true),
                new Benchmarks.Figure("(6) projected wall time at Yahoo 1 req/s (SEC 10 req/s)",
                        median(runs, Run::projected) / 60, "min", "- (was 165)", true),
                new Benchmarks.Figure("(6) parse and classify every bulk list", parse, "s", "<= 5", parse <= 5),
                new Benchmarks.Figure("(6) peak heap of the run", heap, "MB", "< 512", heap < 512));
    }

    private static Run once(Path dir) throws Exception {
        try (Database db = Database.open(DatabaseLocation.parse(dir.resolve("bulk.db").toString(), null), null,
                null)) {
            MasterImporter importer = new MasterImporter(db.dsl(), Clock.systemUTC());
            KisMasterReader reader = new KisMasterReader();
            try (Stream<Path> files = Files.list(MASTERS)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("[a-z]{3}mst\\.cod\\.zip"))
                        .sorted().toList()) {
                    importer.importFile(reader.read(file), false);
                }
            }
            GicsTaxonomy gics = GicsTaxonomy.load();
            KisSectorMapping kis = KisSectorMapping.load(Path.of("config", PipelineFactory.KIS_MAPPING_FILE), gics);
            YahooSectorMapping yahooMap = YahooSectorMapping.load(Path.of("config",
                    PipelineFactory.YAHOO_MAPPING_FILE), gics);
            List<BulkStandIns.Stock> stocks = new ArrayList<>();
            List<Candidate> candidates = new ArrayList<>();
            db.dsl().selectFrom(TICKERS).where(TICKERS.SECURITY_TYPE.eq("STOCK").and(TICKERS.DELISTED.isFalse()))
                    .forEach(t -> {
                        String sector = kis.lookup(t.getKisCode()).map(m -> m.sector().code())
                                .orElse(SECTORS.get(Math.floorMod(t.getTicker().hashCode(), SECTORS.size())));
                        stocks.add(new BulkStandIns.Stock(t.getRegion(), t.getTicker(), t.getExchange(),
                                t.getYahooSymbol(), sector, share("screener", t.getTicker()) >= 5,
                                share("list", t.getTicker()) >= (t.getRegion().equals("JP") ? 1 : 20),
                                share("sec", t.getTicker()) >= 10));
                        candidates.add(new Candidate(t.getRegion(), t.getTicker(), t.getExchange(), t.getNameEn(),
                                t.getNameKo(), t.getKisCode(), t.getYahooSymbol(), null, null, null, false, false));
                    });
            BulkStandIns stand = new BulkStandIns(stocks);
            try {
                SourcesProperties settings = settings(stand.baseUrl());
                YahooSettings yahooSettings = YahooSettings.builder().queryBaseUrl(URI.create(stand.baseUrl()))
                        .cookieUrl(URI.create(stand.baseUrl() + "/cookie")).rate(500, 1).maxInFlight(8).build();
                YahooProfileService yahoo = YahooProfileService.create(yahooSettings, YahooRequestListener.NO_OP);
                ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
                    Thread t = new Thread(r, "bench-per-ticker");
                    t.setDaemon(true);
                    return t;
                });
                BulkSources bulk = new BulkSources(settings, dir.resolve("cache"), Path.of("config"), gics,
                        Clock.systemUTC()).yahoo(yahoo, yahooMap);
                EnrichmentService service = PipelineFactory.builder(db.dsl()).configDir(Path.of("config"))
                        .clock(Clock.systemUTC()).gics(gics).kisMapping(kis).yahooMapping(yahooMap).yahoo(yahoo)
                        .perTickerPool(pool).bulk(bulk).build();
                System.gc();
                resetPeaks();
                service.run(new EnrichRequest(EnumSet.allOf(Region.class), EnrichMode.FORCE_REFRESH, List.of(), 30,
                        false, false, false, 1), ProgressListener.NONE);
                double peak = peakHeapMb();
                pool.shutdownNow();
                double parse = parseAndClassify(settings, dir, gics, yahoo, yahooMap, candidates);
                double projected = stand.yahooRequests.get() / 1.0 + stand.secSubmissions.get() / 10.0;
                return new Run(stand.quoteSummaryCalls.get(), stand.allRequests(), stand.screenerCalls.get(),
                        stand.secSubmissions.get(), projected, parse, peak, bySource(db), stocks.size());
            } finally {
                stand.stop();
            }
        }
    }

    /** Fresh sources over the kept lists (no request: they are younger than their maximum age): parse, then answer. */
    private static double parseAndClassify(SourcesProperties settings, Path dir, GicsTaxonomy gics,
                                           YahooProfileService yahoo, YahooSectorMapping map,
                                           List<Candidate> candidates) {
        long start = System.nanoTime();
        List<BulkSource> sources = new BulkSources(settings, dir.resolve("cache"), Path.of("config"), gics,
                Clock.systemUTC()).yahoo(yahoo, map).sources();
        Map<String, Double> bySource = new TreeMap<>();
        for (Region region : Region.values()) {
            List<Candidate> due = candidates.stream().filter(c -> c.region().equals(region.name())).toList();
            for (BulkSource source : sources) {
                if (source.perTicker()) {
                    continue;
                }
                long one = System.nanoTime();
                source.prepare(region, due);
                due.forEach(c -> source.answer(c, RegionView.EMPTY));
                bySource.merge(source.id().key(), (System.nanoTime() - one) / 1e9, Double::sum);
            }
        }
        System.out.printf("parse and classify, s: %s%n", bySource);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Per source: listed tickers it answered with a sector, and those it decided. */
    private static Map<String, int[]> bySource(Database db) {
        SourceShares.Shares shares = new SourceShares(db.dsl()).count();
        Map<String, int[]> out = new TreeMap<>();
        shares.answered().forEach((source, n) -> out.computeIfAbsent(source.key(), k -> new int[2])[0] = n);
        db.dsl().select(TICKERS.SOURCE, DSL.count()).from(TICKERS).where(TICKERS.SOURCE.isNotNull()
                        .and(TICKERS.SECURITY_TYPE.eq("STOCK")).and(TICKERS.DELISTED.isFalse()))
                .groupBy(TICKERS.SOURCE)
                .forEach(r -> out.computeIfAbsent(r.value1().toLowerCase(), k -> new int[2])[1] = r.value2());
        return out;
    }

    private static SourcesProperties settings(String base) {
        return new SourcesProperties(new SourcesProperties.Jpx(true, base + "/jpx/data_j.xlsx", Duration.ofDays(31)),
                new SourcesProperties.Nasdaq(true, base, Duration.ofDays(1), null),
                new SourcesProperties.Sec(true, base, base, "Spock bench bench@example.com", Duration.ofDays(1),
                        Duration.ofDays(90), 10.0),
                new SourcesProperties.YahooScreener(true, base, Duration.ofDays(1), 250), Duration.ofSeconds(60),
                64L << 20);
    }

    /** 0–99, fixed per ticker and purpose, so that each list's coverage is independent of the others'. */
    private static int share(String purpose, String ticker) {
        return Math.floorMod((purpose + ":" + ticker).hashCode() * 31 + 7, 100);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        return EnrichBench.median(runs.stream().map(r -> figure.applyAsDouble(r)).toList());
    }
}
