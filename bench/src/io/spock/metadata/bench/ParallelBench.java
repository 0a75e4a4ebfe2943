package io.spock.metadata.bench;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.PipelineFactory;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionRetry;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.universe.UniverseWriter;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sequential against {@code --parallel} on the same workload: all five regions, half of each on the Yahoo path,
 * a local rate-limited stub with latency. Both share one Yahoo limit, so neither can beat the floor of
 * Yahoo calls / limit; parallel only overlaps KIS work, writes and the latency tail of each region.
 */
final class ParallelBench {

    private static final String[] EXCHANGES = {"NAS", "SHS", "HKS", "TSE", "HSX"};

    private ParallelBench() {
    }

    static List<Benchmarks.Figure> sequentialVsParallel(int perRegion, double rate, int latencyMs) throws Exception {
        Path dir = Benchmarks.scratch("spock-bench-parallel");
        Run sequential = run(dir.resolve("sequential.db"), perRegion, rate, latencyMs, false);
        Run parallel = run(dir.resolve("parallel.db"), perRegion, rate, latencyMs, true);
        double floor = parallel.yahooCalls / rate;
        String workload = "5 regions x " + perRegion + " tickers, half Yahoo, " + rate + " req/s, " + latencyMs
                + " ms";
        return List.of(
                new Benchmarks.Figure("(4) " + workload + ": sequential", sequential.seconds, "s", "-", true),
                new Benchmarks.Figure("(4) same with --parallel (5 workers)", parallel.seconds, "s", "-", true),
                new Benchmarks.Figure("(4) sequential / parallel", sequential.seconds / parallel.seconds, "ratio",
                        ">= 1", sequential.seconds >= parallel.seconds),
                new Benchmarks.Figure("(4) floor: " + parallel.yahooCalls + " Yahoo calls / limit", floor, "s", "-",
                        true),
                new Benchmarks.Figure("(4) parallel / floor", parallel.seconds / floor, "ratio", ">= 0.97",
                        parallel.seconds / floor >= 0.97),
                new Benchmarks.Figure("(4) 429s caused (both runs)", sequential.tooMany + parallel.tooMany,
                        "responses", "0", sequential.tooMany + parallel.tooMany == 0));
    }

    private record Run(double seconds, int yahooCalls, int tooMany) {
    }

    private static Run run(Path file, int perRegion, double rate, int latencyMs, boolean parallel) throws Exception {
        try (Database db = Database.open(DatabaseLocation.parse(file.toString(), null), null, null)) {
            seed(db, perRegion);
            EnrichBench.YahooStub stub = EnrichBench.YahooStub.start(rate, latencyMs);
            int inFlight = Math.max(8, (int) Math.ceil(rate * latencyMs / 1000.0) * 2);
            ExecutorService pool = Executors.newFixedThreadPool(inFlight, r -> {
                Thread t = new Thread(r, "bench-yahoo");
                t.setDaemon(true);
                return t;
            });
            try {
                EnrichmentService service = service(db, YahooSettings.builder()
                        .server(stub.baseUrl())
                        .rate(rate, 1)
                        .maxInFlight(inFlight)
                        .build(), pool);
                long start = System.nanoTime();
                EnrichReport report = service.run(new EnrichRequest(EnumSet.allOf(Region.class),
                        EnrichMode.FORCE_REFRESH, List.of(), 30, false, false, parallel, 5, RegionRetry.NONE),
                        ProgressListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Run(seconds, report.yahooCalls(), stub.tooMany.get());
            } finally {
                stub.stop();
                pool.shutdownNow();
            }
        }
    }

    private static void seed(Database db, int perRegion) {
        List<Listing> listings = new ArrayList<>();
        for (String code : EXCHANGES) {
            var exchange = Markets.exchange(code).orElseThrow();
            for (int i = 0; i < perRegion; i++) {
                String ticker = switch (code) {
                    case "SHS" -> String.format("6%05d", i);
                    case "HKS" -> String.format("%05d", 1000 + i);
                    case "TSE" -> String.format("%04d", 1000 + i);
                    default -> String.format("T%05d", i);
                };
                listings.add(Listing.of(exchange, ticker, "Company " + i, null, SecurityType.STOCK, i % 2 == 0 ? "010" : "000"));
            }
        }
        new UniverseWriter(db.dsl(), Clock.systemUTC()).insertMissing(listings);
    }

    private static EnrichmentService service(Database db, YahooSettings settings, ExecutorService pool) {
        return PipelineFactory.builder(db.dsl()).configDir(Path.of("config")).clock(Clock.systemUTC())
                .yahoo(YahooProfileService.create(settings, YahooRequestListener.NO_OP)).perTickerPool(pool).build();
    }
}
