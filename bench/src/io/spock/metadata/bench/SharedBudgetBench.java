package io.spock.metadata.bench;

import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.PipelineFactory;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.http.SharedBudget;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.store.RequestBudgets;
import io.spock.metadata.store.SecurityType;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.universe.UniverseWriter;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * (6) One Yahoo budget per store, measured from the stand-in's own request times: one process alone keeps at least
 * 0.95 of the limit, and two processes ({@code ./spock enrich} in two JVMs, one SQLite file) together send no more
 * than the limit in any one second. Medians of several runs.
 */
final class SharedBudgetBench {

    private SharedBudgetBench() {
    }

    static List<Benchmarks.Figure> oneAndTwoProcesses(int tickers, double rate, int latencyMs, int runs)
            throws Exception {
        Path dir = Benchmarks.scratch("spock-bench-shared");
        List<Double> alone = new ArrayList<>();
        List<Double> together = new ArrayList<>();
        List<Double> most = new ArrayList<>();
        int tooMany = 0;
        for (int run = 0; run < runs; run++) {
            EnrichBench.YahooStub stub = EnrichBench.YahooStub.start(rate, latencyMs);
            alone.add(oneProcess(dir.resolve("one-" + run + ".db"), stub, tickers, rate) / rate);
            tooMany += stub.tooMany.get();
            stub.stop();

            stub = EnrichBench.YahooStub.start(rate, latencyMs);
            twoProcesses(dir.resolve("two-" + run + ".db"), stub, tickers, rate);
            together.add(overlapRate(stub) / rate);
            most.add((double) stub.mostInAnySecond());
            System.out.println("(6) densest second of two processes, ms from its first request: " + densest(stub));
            tooMany += stub.tooMany.get();
            stub.stop();
        }
        System.out.printf("(6) runs: alone %s, together %s, most in one second %s%n", alone, together, most);
        double aloneMedian = EnrichBench.median(alone);
        double togetherMedian = EnrichBench.median(together);
        double mostMedian = EnrichBench.median(most);
        double mostOfAll = most.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String workload = tickers + " tickers, " + latencyMs + " ms, " + rate + " req/s";
        return List.of(
                new Benchmarks.Figure("(6) shared budget, one process, " + workload + ": achieved / limit, median of "
                        + runs, aloneMedian, "ratio", ">= 0.95", aloneMedian >= 0.95),
                new Benchmarks.Figure("(6) two processes on one store, " + tickers + " tickers each: together / limit "
                        + "while both ask, median", togetherMedian, "ratio", "<= 1", togetherMedian <= 1),
                new Benchmarks.Figure("(6) two processes: most requests in any one second, median (max)", mostMedian,
                        "requests", "<= " + (int) rate, mostOfAll <= rate),
                new Benchmarks.Figure("(6) 429s caused (all runs)", tooMany, "responses", "0", tooMany == 0));
    }

    /** One pipeline as the application wires it, its Yahoo permits from the store's budget; returns req/s. */
    private static double oneProcess(Path file, EnrichBench.YahooStub stub, int tickers, double rate) {
        try (Database db = Database.open(DatabaseLocation.parse(file.toString(), null), null, null)) {
            seed(db, "NAS", tickers);
            YahooSettings settings = YahooSettings.builder().server(stub.baseUrl()).rate(rate, 1).maxInFlight(8)
                    .build();
            ExecutorService pool = Executors.newFixedThreadPool(settings.maxInFlight());
            EnrichmentService service = PipelineFactory.builder(db.dsl()).configDir(Path.of("config"))
                    .clock(Clock.systemUTC()).perTickerPool(pool)
                    .yahoo(YahooProfileService.create(settings, YahooRequestListener.NO_OP,
                            new SharedBudget(new RequestBudgets(db.dsl()).ledger(RequestBudgets.YAHOO),
                                    Duration.ofSeconds(1))))
                    .build();
            service.run(new EnrichRequest(EnumSet.of(Region.US), EnrichMode.FORCE_REFRESH, List.of(), 30, false,
                    false, false, 1), ProgressListener.NONE);
            pool.shutdownNow();
            List<Long> times = stub.times();
            return (times.size() - 1) / ((times.get(times.size() - 1) - times.get(0)) / 1e9);
        }
    }

    /** {@code ./spock enrich} on US and on JP at once, in two JVMs on one SQLite file. */
    private static void twoProcesses(Path file, EnrichBench.YahooStub stub, int tickers, double rate)
            throws IOException, InterruptedException {
        try (Database db = Database.open(DatabaseLocation.parse(file.toString(), null), null, null)) {
            seed(db, "NAS", tickers);
            seed(db, "TSE", tickers);
        }
        Process us = spock(file, stub, rate, "US");
        Process jp = spock(file, stub, rate, "JP");
        for (Process child : List.of(us, jp)) {
            if (!child.waitFor(600, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IllegalStateException("./spock enrich ended with " + child.exitValue());
            }
        }
    }

    private static Process spock(Path file, EnrichBench.YahooStub stub, double rate, String region)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dspock.home=" + Path.of("").toAbsolutePath(), "-Dspock.stdin.tty=false",
                "-cp", System.getProperty("java.class.path"), "io.spock.metadata.app.SpockApplication",
                "enrich", "--regions", region, "--no-progress-bar")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(java.util.Map.of("SPOCK_DB", file.toString(), "SPOCK_DEMO", "false",
                "SPOCK_YAHOO_URL", stub.baseUrl(), "SPOCK_YAHOO_COOKIE_URL", stub.baseUrl() + "/cookie",
                "SPOCK_YAHOO_RATE", String.valueOf(rate)));
        return builder.start();
    }

    /**
     * Requests per second while both processes were asking: from the later of their first requests to the earlier
     * of their last (US tickers are T…, Japanese ones digits).
     */
    private static double overlapRate(EnrichBench.YahooStub stub) {
        List<EnrichBench.YahooStub.Request> requests = stub.requests();
        long from = Math.max(first(requests, true), first(requests, false));
        long to = Math.min(last(requests, true), last(requests, false));
        long inside = requests.stream().filter(r -> r.nanos() >= from && r.nanos() <= to).count();
        return (inside - 1) / ((to - from) / 1e9);
    }

    /** The requests of the densest one-second window, as offsets and US (T…) or JP, to see where bunching comes from. */
    private static String densest(EnrichBench.YahooStub stub) {
        List<EnrichBench.YahooStub.Request> requests = stub.requests();
        int best = 0;
        int bestStart = 0;
        int start = 0;
        for (int end = 0; end < requests.size(); end++) {
            while (requests.get(end).nanos() - requests.get(start).nanos() >= 1_000_000_000L) {
                start++;
            }
            if (end - start + 1 > best) {
                best = end - start + 1;
                bestStart = start;
            }
        }
        long t0 = requests.get(bestStart).nanos();
        StringBuilder text = new StringBuilder(best + " requests, from " + (t0 - requests.get(0).nanos()) / 1_000_000
                + " ms after the first of the run:");
        for (int i = bestStart; i < bestStart + best; i++) {
            text.append(' ').append(requests.get(i).symbol().startsWith("T") ? "US" : "JP").append('+')
                    .append((requests.get(i).nanos() - t0) / 1_000_000);
        }
        return text.toString();
    }

    private static long first(List<EnrichBench.YahooStub.Request> requests, boolean us) {
        return requests.stream().filter(r -> r.symbol().startsWith("T") == us).mapToLong(EnrichBench.YahooStub.Request::nanos)
                .min().orElseThrow();
    }

    private static long last(List<EnrichBench.YahooStub.Request> requests, boolean us) {
        return requests.stream().filter(r -> r.symbol().startsWith("T") == us).mapToLong(EnrichBench.YahooStub.Request::nanos)
                .max().orElseThrow();
    }

    private static void seed(Database db, String exchange, int tickers) {
        var market = Markets.exchange(exchange).orElseThrow();
        List<Listing> listings = new ArrayList<>(tickers);
        for (int i = 0; i < tickers; i++) {
            String ticker = exchange.equals("TSE") ? String.valueOf(1000 + i) : String.format("T%06d", i);
            listings.add(Listing.of(market, ticker, "Company " + i, null, SecurityType.STOCK, "000"));
        }
        new UniverseWriter(db.dsl(), Clock.systemUTC()).insertMissing(listings);
    }
}
