package io.spock.metadata.bench;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMatch;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.store.SecurityType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.PipelineFactory;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.universe.UniverseWriter;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Enrichment throughput: the KIS path against raw JDBC, the Yahoo path against a rate-limited stub. */
final class EnrichBench {

    /** KIS codes whose answer stands alone (high or medium confidence): every ticker takes the KIS path. */
    private static final String[] STANDING_CODES = {"010", "110", "230", "310", "410", "520", "610", "710", "810",
        "910"};

    private EnrichBench() {
    }

    /** Runs of the KIS path; the median is reported, not the best. */
    private static final int RUNS = 5;

    /**
     * The KIS path on {@code tickers} fresh tickers (ticker rows, history rows and evidence rows written), five
     * times on fresh databases, beside a raw JDBC batch UPDATE of the same rows measured the same way: medians.
     */
    static List<Benchmarks.Figure> kisPath(int tickers) throws Exception {
        Path dir = Benchmarks.scratch("spock-bench");
        List<Benchmarks.Figure> figures = new ArrayList<>();
        warmUp(dir, tickers / 5);
        List<Double> rates = new ArrayList<>();
        List<Double> raws = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            try (Database db = open(dir.resolve("kis-" + run + ".db"))) {
                seed(db, tickers, true);
                YahooStub stub = YahooStub.start(1000.0, 0);
                EnrichmentService service = service(db, settings(stub, 1000.0, 8));
                long start = System.nanoTime();
                EnrichReport report = service.run(request(EnrichMode.FORCE_REFRESH), ProgressListener.NONE);
                double rate = report.regions().get(0).enriched() / ((System.nanoTime() - start) / 1e9);
                stub.stop();
                double raw = rawJdbcRate(dir.resolve("raw-" + run + ".db"), tickers);
                rates.add(rate);
                raws.add(raw);
                ratios.add(rate / raw);
            }
        }
        double rate = median(rates);
        double raw = median(raws);
        double ratio = median(ratios);
        figures.add(new Benchmarks.Figure("(1) KIS-path enrich of " + tickers + " tickers, median of " + RUNS, rate,
                "tickers/s", ">= 100000", rate >= 100_000));
        figures.add(new Benchmarks.Figure("(1) raw JDBC batch UPDATE of the same rows, median", raw, "rows/s", "-",
                true));
        figures.add(new Benchmarks.Figure("(1) enrich / raw JDBC, median of the runs' ratios", ratio, "ratio",
                ">= 0.5", ratio >= 0.5));
        System.out.printf("(1) runs: enrich %s tickers/s, raw %s rows/s%n", rates, raws);

        try (Database db = open(dir.resolve("kis-0.db"))) {
            YahooStub stub = YahooStub.start(1000.0, 0);
            EnrichmentService service = service(db, settings(stub, 1000.0, 8));
            long rerun = System.nanoTime();
            EnrichReport again = service.run(request(EnrichMode.INCREMENTAL), ProgressListener.NONE);
            double rerunSeconds = (System.nanoTime() - rerun) / 1e9;
            figures.add(new Benchmarks.Figure("(3) incremental re-run of the enriched " + tickers + ": HTTP calls",
                    stub.calls.get(), "calls", "0", stub.calls.get() == 0 && again.regions().get(0).total() == 0));
            figures.add(new Benchmarks.Figure("(3) incremental re-run wall time", rerunSeconds, "s", "<= 1",
                    rerunSeconds <= 1.0));
            stub.stop();
        }
        return figures;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Runs of the Yahoo path per variant; the median is reported. */
    private static final int YAHOO_RUNS = 5;

    /**
     * The Yahoo path on {@code tickers} fresh tickers against a stub that answers the search endpoint and
     * quoteSummary with {@code latencyMs} latency and refuses any request beyond the rate in a one-second window:
     * requests for data (search and quoteSummary) per second achieved against the configured rate, median of
     * {@link #YAHOO_RUNS} runs. Two variants: every ticker answered by the search alone (the usual case), and every
     * fifth ticker an equity without a sector in the search, asked of quoteSummary too (two requests, the session
     * opened on the way).
     */
    static List<Benchmarks.Figure> yahooPath(int tickers, double rate, int latencyMs) throws Exception {
        List<Benchmarks.Figure> figures = new ArrayList<>();
        for (int fallbackEvery : new int[] {0, 5}) {
            List<Double> ratios = new ArrayList<>();
            List<Integer> refusals = new ArrayList<>();
            List<Double> loads = new ArrayList<>();
            int tooMany = 0;
            int summaries = 0;
            for (int run = 0; run < YAHOO_RUNS; run++) {
                YahooRun measured = yahooRun(tickers, rate, latencyMs, fallbackEvery);
                ratios.add(measured.achieved() / rate);
                refusals.add(measured.tooMany());
                loads.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                tooMany += measured.tooMany();
                summaries = measured.quoteSummaries();
            }
            double ratio = median(ratios);
            String variant = fallbackEvery == 0 ? "search only" : "1 in " + fallbackEvery + " also quoteSummary ("
                    + summaries + ")";
            figures.add(new Benchmarks.Figure("(2) Yahoo path, " + tickers + " tickers, " + latencyMs + " ms, "
                    + variant + ": achieved", ratio * rate, "req/s", "-", true));
            figures.add(new Benchmarks.Figure("(2) achieved / configured " + rate + " req/s, median of " + YAHOO_RUNS,
                    ratio, "ratio", ">= 0.95", ratio >= 0.95));
            figures.add(new Benchmarks.Figure("(2) 429s caused, all runs", tooMany, "responses", "0", tooMany == 0));
            System.out.printf("(2) %s: achieved / configured per run %s, 429s %s, load average after each %s%n",
                    variant, ratios, refusals, loads);
        }
        return figures;
    }

    private record YahooRun(double achieved, int tooMany, int quoteSummaries) {
    }

    private static YahooRun yahooRun(int tickers, double rate, int latencyMs, int fallbackEvery) throws Exception {
        Path dir = Benchmarks.scratch("spock-bench");
        try (Database db = open(dir.resolve("yahoo.db"))) {
            seed(db, tickers, false);
            YahooStub stub = YahooStub.start(rate, latencyMs, fallbackEvery);
            EnrichmentService service = service(db, settings(stub, rate, 8));
            long start = System.nanoTime();
            service.run(request(EnrichMode.FORCE_REFRESH), ProgressListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            stub.stop();
            return new YahooRun(stub.calls.get() / seconds, stub.tooMany.get(), stub.quoteSummaries.get());
        }
    }

    /** JIT warm-up for both contenders, on their own databases, so neither is measured cold. */
    private static void warmUp(Path dir, int tickers) throws Exception {
        try (Database db = open(dir.resolve("warm.db"))) {
            seed(db, tickers, true);
            YahooStub stub = YahooStub.start(1000.0, 0);
            service(db, settings(stub, 1000.0, 8)).run(request(EnrichMode.FORCE_REFRESH), ProgressListener.NONE);
            stub.stop();
        }
        rawJdbcRate(dir.resolve("warm-raw.db"), tickers);
    }

    private static EnrichRequest request(EnrichMode mode) {
        return new EnrichRequest(EnumSet.of(Region.US), mode, List.of(), 30, false, false, false, 1);
    }

    private static Database open(Path file) {
        return Database.open(DatabaseLocation.parse(file.toString(), null), null, null);
    }

    private static void seed(Database db, int tickers, boolean kisMapped) {
        List<Listing> listings = new ArrayList<>(tickers);
        var nas = Markets.exchange("NAS").orElseThrow();
        for (int i = 0; i < tickers; i++) {
            listings.add(Listing.of(nas, String.format("T%06d", i), "Company " + i, null, SecurityType.STOCK,
                    kisMapped ? STANDING_CODES[i % STANDING_CODES.length] : "000"));
        }
        new UniverseWriter(db.dsl(), Clock.systemUTC()).insertMissing(listings);
    }

    private static YahooSettings settings(YahooStub stub, double rate, int inFlight) {
        return YahooSettings.builder()
                .server(stub.baseUrl())
                .rate(rate, 1)
                .maxInFlight(inFlight)
                .build();
    }

    static EnrichmentService service(Database db, YahooSettings settings) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.maxInFlight(), r -> {
            Thread t = new Thread(r, "bench-yahoo");
            t.setDaemon(true);
            return t;
        });
        return PipelineFactory.builder(db.dsl()).configDir(Path.of("config")).clock(Clock.systemUTC())
                .yahoo(YahooProfileService.create(settings, YahooRequestListener.NO_OP)).perTickerPool(pool).build();
    }

    /**
     * The floor the pipeline is compared with: plain JDBC, prepared once, batches of 100 per transaction, writing
     * the ticker columns the KIS path writes with the same values (each row's mapped sector, so the sector index
     * takes the same inserts), but no history or evidence rows.
     */
    private static double rawJdbcRate(Path file, int tickers) throws Exception {
        try (Database db = open(file)) {
            seed(db, tickers, true);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties())) {
            KisSectorMapping mapping = KisSectorMapping.load(Path.of("config", "kis_sector_to_gics_mapping.json"),
                    GicsTaxonomy.load());
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            try (PreparedStatement update = connection.prepareStatement("UPDATE tickers SET status = ?, sector_code = ?,"
                    + " sector_en = ?, sector_ko = ?, source = ?, confidence = ?, last_enriched = ?, updated_at = ?"
                    + " WHERE region = ? AND ticker = ?")) {
                for (int i = 0; i < tickers; i++) {
                    KisSectorMatch match = mapping.lookup(STANDING_CODES[i % STANDING_CODES.length]).orElseThrow();
                    update.setString(1, "CLASSIFIED");
                    update.setString(2, match.sector().code());
                    update.setString(3, match.sector().nameEn());
                    update.setString(4, match.sector().nameKo());
                    update.setString(5, "KIS");
                    update.setString(6, match.confidence().name());
                    update.setTimestamp(7, now);
                    update.setTimestamp(8, now);
                    update.setString(9, "US");
                    update.setString(10, String.format("T%06d", i));
                    update.addBatch();
                    if ((i + 1) % 100 == 0) {
                        update.executeBatch();
                        connection.commit();
                    }
                }
                update.executeBatch();
                connection.commit();
            }
            return tickers / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * A local Yahoo: cookie, crumb, the search endpoint and quoteSummary, in the recorded shapes, with a fixed
     * latency on the data requests, answering 429 to any data request beyond {@code rate} in the trailing second, as
     * a rate-limiting server would. {@link #calls} counts the data requests (search and quoteSummary).
     */
    static final class YahooStub {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger tooMany = new AtomicInteger();
        final AtomicInteger quoteSummaries = new AtomicInteger();
        private final Deque<Long> window = new ArrayDeque<>();
        private final List<Request> received = java.util.Collections.synchronizedList(new ArrayList<>());

        /** One quoteSummary request as it arrived: {@link System#nanoTime()} and the symbol. */
        record Request(long nanos, String symbol) {
        }
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newFixedThreadPool(64);
        private final double rate;
        private final int latencyMs;
        private final int fallbackEvery;
        private final AtomicInteger searches = new AtomicInteger();

        private YahooStub(HttpServer server, double rate, int latencyMs, int fallbackEvery) {
            this.server = server;
            this.rate = rate;
            this.latencyMs = latencyMs;
            this.fallbackEvery = fallbackEvery;
        }

        /** Every search answers with the sector: quoteSummary is never asked. */
        static YahooStub start(double rate, int latencyMs) throws IOException {
            return start(rate, latencyMs, 0);
        }

        /** @param fallbackEvery every n-th search has no sector for the equity (0: none), so quoteSummary is asked */
        static YahooStub start(double rate, int latencyMs, int fallbackEvery) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            YahooStub stub = new YahooStub(server, rate, latencyMs, fallbackEvery);
            server.setExecutor(stub.handlers);
            server.createContext("/cookie", ex -> stub.reply(ex, 404, "text/html", "<html></html>",
                    "A3=d=bench; Path=/"));
            server.createContext("/v1/test/getcrumb", ex -> stub.reply(ex, 200, "text/plain", "benchCrumb", null));
            server.createContext("/v1/finance/search", stub::search);
            server.createContext("/v10/finance/quoteSummary/", stub::quoteSummary);
            server.start();
            return stub;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** Stops the server and its handler threads, which would otherwise keep the benchmark's JVM alive. */
        void stop() {
            server.stop(0);
            handlers.shutdownNow();
        }

        private void search(HttpExchange exchange) throws IOException {
            String query = exchange.getRequestURI().getQuery();
            String symbol = query.replaceAll(".*(?:^|&)q=([^&]*).*", "$1");
            if (!admitted(exchange, symbol)) {
                return;
            }
            boolean withSector = fallbackEvery == 0 || searches.incrementAndGet() % fallbackEvery != 0;
            String sector = withSector ? "\"sector\":\"Technology\",\"industry\":\"Software - Application\"," : "";
            reply(exchange, 200, "application/json;charset=utf-8", """
                    {"explains":[],"count":1,"quotes":[{"exchange":"NMS","shortname":"%s Corp","quoteType":"EQUITY",
                    "symbol":"%s","index":"quotes","typeDisp":"Equity","longname":"%s Corp",%s"isYahooFinance":true}],
                    "news":[]}""".formatted(symbol, symbol, symbol, sector).replace("\n", ""), null);
        }

        /** The requests for data received (searches and quoteSummary requests), in order of arrival. */
        List<Request> requests() {
            synchronized (received) {
                return received.stream().sorted(java.util.Comparator.comparingLong(Request::nanos)).toList();
            }
        }

        /** Their arrival times, in nanoseconds, sorted. */
        List<Long> times() {
            return requests().stream().map(Request::nanos).toList();
        }

        /** The most requests received in any one-second window. */
        int mostInAnySecond() {
            List<Long> times = times();
            int most = 0;
            int start = 0;
            for (int end = 0; end < times.size(); end++) {
                while (times.get(end) - times.get(start) >= 1_000_000_000L) {
                    start++;
                }
                most = Math.max(most, end - start + 1);
            }
            return most;
        }

        private void quoteSummary(HttpExchange exchange) throws IOException {
            quoteSummaries.incrementAndGet();
            String symbol = exchange.getRequestURI().getPath().substring("/v10/finance/quoteSummary/".length());
            if (!admitted(exchange, symbol)) {
                return;
            }
            reply(exchange, 200, "application/json", """
                    {"quoteSummary":{"result":[{"assetProfile":{"industry":"Software - Application",
                    "sector":"Technology"},"quoteType":{"quoteType":"EQUITY","symbol":"%s","longName":"%s Corp"}}],
                    "error":null}}""".formatted(symbol, symbol).replace("\n", ""), null);
        }

        /** Counts a data request, waits the latency, and answers 429 itself when the request is over the rate. */
        private boolean admitted(HttpExchange exchange, String symbol) throws IOException {
            calls.incrementAndGet();
            long now = System.nanoTime();
            received.add(new Request(now, symbol));
            boolean allowed = admit(now);
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!allowed) {
                tooMany.incrementAndGet();
                reply(exchange, 429, "text/plain", "Too Many Requests", null);
            }
            return allowed;
        }

        /** Sliding one-second window; a small allowance absorbs timer jitter at the window edge. */
        private synchronized boolean admit(long now) {
            while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= Math.ceil(rate) + 1) {
                return false;
            }
            window.addLast(now);
            return true;
        }

        private void reply(HttpExchange exchange, int status, String type, String body, String cookie)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            if (cookie != null) {
                exchange.getResponseHeaders().add("Set-Cookie", cookie);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
