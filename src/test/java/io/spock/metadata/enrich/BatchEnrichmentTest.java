package io.spock.metadata.enrich;

import io.spock.metadata.store.Source;
import io.spock.metadata.store.RunState;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.RegionStatus;
import io.spock.metadata.store.StatusQuery;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.yahoo.YahooRequestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Batch runs: parallel regions under the one Yahoo limit, region retries, failing regions, interruption. */
class BatchEnrichmentTest {

    private static final String[] EXCHANGES = {"NAS", "SHS", "HKS", "TSE", "HSX"};
    private static final String QUOTE_SUMMARY = "/v10/finance/quoteSummary/.*";

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(40)).build();

    @TempDir
    Path dir;
    Database db;
    ExecutorService pool;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        db = TestStore.open(dir);
        new YahooStub(wireMock);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        db.close();
    }

    private void yahooAnswersEverySymbol(int latencyMs) {
        wireMock.stubFor(get(urlPathMatching(QUOTE_SUMMARY)).atPriority(5).willReturn(YahooStub.json(200, """
                {"quoteSummary":{"result":[{"assetProfile":{"industry":"Software - Application",
                "sector":"Technology"},"quoteType":{"quoteType":"EQUITY","symbol":"X","longName":"X Corp"}}],
                "error":null}}""").withFixedDelay(latencyMs)));
    }

    private EnrichmentService service(double rate, Sleeper sleeper) {
        return TestPipeline.service(db, TestPipeline.yahooSettings(wireMock.baseUrl(), rate),
                YahooRequestListener.NO_OP, pool, sleeper);
    }

    private Sleeper recordingSleeper(Runnable onFirstSleep) {
        return delay -> {
            if (sleeps.isEmpty()) {
                onFirstSleep.run();
            }
            sleeps.add(delay);
        };
    }

    private static EnrichRequest request(Set<Region> regions, boolean parallel, RegionRetry retry) {
        return new EnrichRequest(regions, EnrichMode.INCREMENTAL, List.of(), 30, false, false, parallel, 5, retry);
    }

    /** In every region: {@code kis} tickers with a high-confidence KIS code and {@code yahoo} with code 000. */
    private void seedAllRegions(int kis, int yahoo) {
        List<Listing> listings = new ArrayList<>();
        for (int r = 0; r < EXCHANGES.length; r++) {
            for (int i = 0; i < kis + yahoo; i++) {
                String ticker = switch (EXCHANGES[r]) {
                    case "SHS" -> String.format("6%05d", i);
                    case "HKS" -> String.format("%05d", 1000 + i);
                    case "TSE" -> String.format("%04d", 1000 + i);
                    default -> String.format("T%04d", i);
                };
                listings.add(TestStore.listing(EXCHANGES[r], ticker, i < kis ? "010" : "000"));
            }
        }
        TestStore.add(db, listings.toArray(Listing[]::new));
    }

    private void failUpdatesIn(String region) {
        db.dsl().execute("CREATE TRIGGER fail_" + region + " BEFORE UPDATE ON tickers WHEN NEW.region = '" + region
                + "' BEGIN SELECT RAISE(ABORT, 'database is locked'); END");
    }

    private int classified(String region) {
        return db.dsl().fetchCount(TICKERS, TICKERS.REGION.eq(region)
                .and(TICKERS.STATUS.eq(TickerStatus.CLASSIFIED.name())));
    }

    @Test
    void parallelRegionsNeverAskYahooFasterThanTheLimit() {
        double limit = 40.0;
        yahooAnswersEverySymbol(60);
        seedAllRegions(150, 20);

        EnrichReport report = service(limit, Sleeper.SYSTEM).run(request(EnumSet.allOf(Region.class), true,
                RegionRetry.NONE), ProgressListener.NONE);

        assertThat(report.status()).isEqualTo(RunState.COMPLETED);
        assertThat(report.workers()).isEqualTo(5);
        assertThat(report.regions()).extracting(RegionSummary::region).containsExactly("US", "CN", "HK", "JP", "VN");
        assertThat(report.regions()).allSatisfy(r -> {
            assertThat(r.classifiedBy(Source.KIS)).isEqualTo(150);
            assertThat(r.classifiedBy(Source.YAHOO)).isEqualTo(20);
        });
        List<Long> sent = wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/v10/finance/quoteSummary/"))
                .map(ServeEvent::getRequest).map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(sent).hasSize(100);
        for (int i = 0; i < sent.size(); i++) {
            long windowStart = sent.get(i);
            long inWindow = sent.stream().filter(t -> t >= windowStart && t < windowStart + 1000).count();
            // Arrival times at the stub carry the machine's scheduling delays: on a loaded machine a paced request held
            // back on its way lands in the next second beside the one after it. One request of slack keeps the test
            // about sharing one limiter (five regions would be five times the limit); bench/run measures the rate.
            assertThat(inWindow).as("requests in the second from %d", windowStart)
                    .isLessThanOrEqualTo((long) limit + 1);
        }
    }

    @Test
    void aRegionThatFailsTransientlyIsRetriedAndSkipsNothing() {
        seedAllRegions(250, 0);
        failUpdatesIn("US");
        Sleeper dropsTheFault = recordingSleeper(() -> db.dsl().execute("DROP TRIGGER fail_US"));

        EnrichReport report = service(1000, dropsTheFault).run(request(EnumSet.of(Region.US, Region.JP), true,
                new RegionRetry(3, Duration.ofSeconds(5), 0.2)), ProgressListener.NONE);

        RegionSummary us = report.regions().get(0);
        assertThat(us.status()).isEqualTo(RunState.COMPLETED);
        assertThat(us.regionRetries()).isEqualTo(1);
        assertThat(us.enriched()).isEqualTo(250);
        assertThat(classified("US")).isEqualTo(250);
        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(4),
                Duration.ofSeconds(6)));
        assertThat(report.status()).isEqualTo(RunState.COMPLETED);
        assertThat(report.incomplete()).isFalse();
    }

    @Test
    void aFailingRegionLeavesTheOthersComplete() {
        seedAllRegions(120, 0);
        failUpdatesIn("HK");

        EnrichReport report = service(1000, recordingSleeper(() -> { })).run(request(EnumSet.allOf(Region.class),
                true, new RegionRetry(2, Duration.ofSeconds(1), 0.2)), ProgressListener.NONE);

        RegionSummary hk = report.regions().get(2);
        assertThat(hk.region()).isEqualTo("HK");
        assertThat(hk.status()).isEqualTo(RunState.FAILED);
        assertThat(hk.error()).contains("database is locked");
        assertThat(hk.regionRetries()).isEqualTo(2);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        for (String region : List.of("US", "CN", "JP", "VN")) {
            assertThat(classified(region)).as(region).isEqualTo(120);
        }
        assertThat(classified("HK")).isZero();
        assertThat(report.status()).isEqualTo(RunState.FAILED);
        assertThat(report.incomplete()).isTrue();
        assertThat(db.dsl().fetchOne(RUN_REGIONS, RUN_REGIONS.REGION.eq("HK")).getStatus()).isEqualTo("FAILED");
        assertThat(db.dsl().fetchCount(RUN_REGIONS, RUN_REGIONS.STATUS.eq("COMPLETED"))).isEqualTo(4);
    }

    @Test
    void aNonTransientFailureIsNotRetried() {
        seedAllRegions(10, 0);
        failUpdatesIn("US");

        EnrichReport report = service(1000, recordingSleeper(() -> { })).run(request(EnumSet.of(Region.US), false,
                RegionRetry.NONE), ProgressListener.NONE);

        assertThat(report.regions().get(0).status()).isEqualTo(RunState.FAILED);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void interruptionKeepsWholeBatchesRecordsTheRunAndTheNextRunFinishesTheRest() {
        yahooAnswersEverySymbol(20);
        TestStore.add(db, java.util.stream.IntStream.range(0, 450)
                .mapToObj(i -> TestStore.listing("NAS", String.format("T%04d", i), "000")).toArray(Listing[]::new));
        Thread runThread = Thread.currentThread();
        ProgressListener interruptAfterFirstBatch = new ProgressListener() {
            @Override
            public void advanced(String region, int done) {
                runThread.interrupt();
            }
        };

        EnrichReport stopped = service(1000, Sleeper.SYSTEM).run(request(EnumSet.of(Region.US), false,
                RegionRetry.NONE), interruptAfterFirstBatch);
        assertThat(Thread.interrupted()).as("the run leaves the interrupt flag set").isTrue();

        int committed = classified("US");
        assertThat(stopped.status()).isEqualTo(RunState.INTERRUPTED);
        assertThat(committed).isPositive().isLessThan(450);
        assertThat(committed % Batcher.SIZE).as("whole batches only").isZero();
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.LAST_ENRICHED.isNotNull())).isEqualTo(committed);
        assertThat(db.dsl().fetchOne(ENRICHMENT_RUNS, ENRICHMENT_RUNS.ID.eq(stopped.runId())).getStatus())
                .isEqualTo("INTERRUPTED");
        assertThat(db.dsl().fetchOne(RUN_REGIONS, RUN_REGIONS.RUN_ID.eq(stopped.runId())).getEnriched())
                .isEqualTo(committed);

        EnrichReport rest = service(1000, Sleeper.SYSTEM).run(request(EnumSet.of(Region.US), false,
                RegionRetry.NONE), ProgressListener.NONE);

        assertThat(rest.status()).isEqualTo(RunState.COMPLETED);
        assertThat(rest.regions().get(0).total()).isEqualTo(450 - committed);
        assertThat(classified("US")).isEqualTo(450);
    }

    @Test
    void anInterruptedRunCountsWhatWasDueAndStatusShowsOnlyTheRegionsThatTookPart() {
        yahooAnswersEverySymbol(20);
        seedAllRegions(0, 245);
        Thread runThread = Thread.currentThread();
        ProgressListener interruptAfterFirstBatch = new ProgressListener() {
            @Override
            public void advanced(String region, int done) {
                runThread.interrupt();
            }
        };

        EnrichReport stopped = service(1000, Sleeper.SYSTEM).run(request(EnumSet.of(Region.US, Region.CN, Region.JP),
                false, RegionRetry.NONE), interruptAfterFirstBatch);
        Thread.interrupted();

        RegionSummary us = stopped.regions().stream().filter(r -> r.region().equals("US")).findFirst().orElseThrow();
        assertThat(us.status()).isEqualTo(RunState.INTERRUPTED);
        assertThat(us.total()).as("the tickers that were due, not those done").isEqualTo(245);
        assertThat(us.enriched()).isPositive().isLessThan(245);
        assertThat(us.successRate()).isLessThan(100.0);
        RegionSummary never = stopped.regions().stream().filter(r -> r.region().equals("CN")).findFirst().orElseThrow();
        assertThat(never.enriched()).isZero();
        assertThat(never.successRate()).as("no rate for a region that did nothing").isNull();

        List<RegionStatus> status = new StatusQuery(db.dsl()).byRegion(List.of(Region.values()),
                java.time.LocalDateTime.now().minusDays(30));
        assertThat(status).filteredOn(s -> s.lastRun() != null).extracting(RegionStatus::region,
                RegionStatus::lastRunStatus).containsExactly(org.assertj.core.groups.Tuple.tuple("US", "INTERRUPTED"));
    }
}
