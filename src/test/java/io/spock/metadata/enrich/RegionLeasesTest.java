package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.InstanceSettings;
import io.spock.metadata.store.RegionLeases;
import io.spock.metadata.store.RunOwner;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.StaleRuns;
import io.spock.metadata.kis.MutableClock;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.yahoo.YahooClient;
import io.spock.metadata.yahoo.YahooEndpoint;
import io.spock.metadata.yahoo.YahooLookup;
import io.spock.metadata.yahoo.YahooProfile;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.REGION_LEASES;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Region leases between runs of "several processes" on one store, in-process: each process is a pipeline with its own
 * owner (host and pid), all on one clock the test moves, heartbeats driven by hand and waits that only move the clock.
 */
class RegionLeasesTest {

    static final RunOwner HOST_A = new RunOwner("host-a", 311);
    static final RunOwner HOST_B = new RunOwner("host-b", 422);
    static final Instant START = Instant.parse("2026-11-30T01:00:12Z");

    @TempDir
    Path dir;
    Database db;
    MutableClock clock;
    ExecutorService pool;
    ManualScheduler heartbeats;
    List<Duration> slept;

    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void setUp() {
        db = TestStore.open(backend(), dir);
        TestStore.add(db, listing("NYS", "XOM", "010"), listing("NYS", "CVX", "010"), listing("TSE", "7203", "310"));
        clock = new MutableClock(START);
        pool = Executors.newFixedThreadPool(1);
        heartbeats = new ManualScheduler();
        slept = new ArrayList<>();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        db.close();
    }

    /** Waiting only moves the clock, and is recorded. */
    private final Sleeper sleeper = delay -> {
        slept.add(delay);
        clock.advance(delay);
    };

    private EnrichmentService service(RunOwner owner, YahooClient yahoo) {
        return PipelineFactory.builder(db.dsl()).configDir(Path.of("config")).clock(clock)
                .yahoo(new YahooProfileService(yahoo, TestPipeline.yahooSettings("http://127.0.0.1:1", 1000),
                        YahooRequestListener.NO_OP))
                .perTickerPool(pool).sleeper(sleeper).scheduler(heartbeats).owner(owner).build();
    }

    private EnrichmentService service(RunOwner owner) {
        return service(owner, (symbol, gate) -> {
            throw new AssertionError("no Yahoo lookup expected: " + symbol);
        });
    }

    private static EnrichRequest request(EnrichMode mode, Duration wait, Region... regions) {
        return new EnrichRequest(EnumSet.copyOf(List.of(regions)), mode, List.of(), 30, false, false, false, 1,
                RegionRetry.NONE, wait);
    }

    private StaleRuns staleRuns() {
        return new StaleRuns(db.dsl(), clock, InstanceSettings.defaults().leaseTimeout());
    }

    private RegionLeases leases() {
        return new RegionLeases(db.dsl(), clock, staleRuns());
    }

    /** A run of host-a that holds US, as another process would leave it in the store. */
    private int holdUs() {
        int run = new RunLog(db.dsl(), clock, HOST_A).start("US", EnrichMode.INCREMENTAL);
        assertThat(leases().acquire(Region.US, run).taken()).isTrue();
        return run;
    }

    private String runStatus(int run) {
        return db.dsl().fetchValue(ENRICHMENT_RUNS.STATUS, ENRICHMENT_RUNS.ID.eq(run));
    }

    private RegionSummary us(EnrichReport report) {
        return report.regions().stream().filter(r -> r.region().equals("US")).findFirst().orElseThrow();
    }

    @Test
    void aRegionLeasedByALiveRunIsSkippedWithOneLineAndTheRunIsIncomplete() {
        int holder = holdUs();

        EnrichReport report = service(HOST_B).run(request(EnrichMode.INCREMENTAL, null, Region.US, Region.JP),
                ProgressListener.NONE);

        assertThat(us(report).status()).isEqualTo(RunState.SKIPPED);
        assertThat(us(report).error())
                .isEqualTo("US is being enriched by run " + holder + " on host-a (pid 311), started 01:00:12");
        assertThat(report.regions().get(1).region()).isEqualTo("JP");
        assertThat(report.regions().get(1).status()).isEqualTo(RunState.COMPLETED);
        assertThat(report.incomplete()).isTrue();
        assertThat(report.status()).isEqualTo(RunState.COMPLETED);
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.REGION.eq("US").and(TICKERS.STATUS.eq("PENDING"))))
                .isEqualTo(2);
        assertThat(runStatus(holder)).isEqualTo("RUNNING");
    }

    @Test
    void aLeaseWhoseRunGaveNoSignOfLifeForTheTimeoutIsTakenOverAndThatRunMarkedAbandoned() {
        int holder = holdUs();
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        EnrichReport report = service(HOST_B).run(request(EnrichMode.INCREMENTAL, null, Region.US),
                ProgressListener.NONE);

        assertThat(us(report).status()).isEqualTo(RunState.COMPLETED);
        assertThat(runStatus(holder)).isEqualTo("ABANDONED");
        assertThat(db.dsl().fetchValue(ENRICHMENT_RUNS.FINISHED_AT, ENRICHMENT_RUNS.ID.eq(holder)))
                .as("ended at its last sign of life").isEqualTo(LocalDateTime.of(2026, 11, 30, 1, 0, 12));
        assertThat(db.dsl().fetchValue(RUN_REGIONS.STATUS, RUN_REGIONS.RUN_ID.eq(holder)
                .and(RUN_REGIONS.REGION.eq("US")))).isEqualTo("ABANDONED");
        assertThat(db.dsl().fetchCount(REGION_LEASES)).as("given back at the end").isZero();
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.REGION.eq("US").and(TICKERS.STATUS.eq("CLASSIFIED"))))
                .isEqualTo(2);
    }

    @Test
    void aRunsHeartbeatKeepsItsLeaseBeyondTheTimeout() {
        int holder = new RunLog(db.dsl(), clock, HOST_A).start("US", EnrichMode.INCREMENTAL);
        Sharing sharing = new Sharing(staleRuns(), leases(), heartbeats, Duration.ofSeconds(20), Duration.ofSeconds(2));
        try (RunLeases running = RunLeases.start(sharing, holder, clock, sleeper)) {
            assertThat(running.take(Region.US, null)).isEmpty();
            for (int beat = 0; beat < 15; beat++) {
                clock.advance(Duration.ofSeconds(20));
                heartbeats.tick();
            }

            EnrichReport report = service(HOST_B).run(request(EnrichMode.INCREMENTAL, null, Region.US),
                    ProgressListener.NONE);

            assertThat(us(report).status()).as("5 minutes on, still alive").isEqualTo(RunState.SKIPPED);
            assertThat(runStatus(holder)).isEqualTo("RUNNING");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void waitingForALeaseTakesItOnceItsRunGivesItBack() {
        int holder = holdUs();
        Sleeper releasing = delay -> {
            sleeper.sleep(delay);
            if (slept.size() == 3) {
                leases().release(Region.US, holder);
            }
        };
        EnrichmentService waiting = PipelineFactory.builder(db.dsl()).configDir(Path.of("config")).clock(clock)
                .yahoo(YahooProfileService.create(TestPipeline.yahooSettings("http://127.0.0.1:1", 1000),
                        YahooRequestListener.NO_OP))
                .perTickerPool(pool).sleeper(releasing).scheduler(heartbeats).owner(HOST_B).build();

        EnrichReport report = waiting.run(request(EnrichMode.INCREMENTAL, Duration.ofSeconds(60), Region.US),
                ProgressListener.NONE);

        assertThat(us(report).status()).isEqualTo(RunState.COMPLETED);
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void waitingGivesUpAfterItsSecondsAndSkipsTheRegion() {
        int holder = holdUs();

        EnrichReport report = service(HOST_B).run(request(EnrichMode.INCREMENTAL, Duration.ofSeconds(5), Region.US),
                ProgressListener.NONE);

        assertThat(us(report).status()).isEqualTo(RunState.SKIPPED);
        assertThat(us(report).error()).startsWith("US is being enriched by run " + holder);
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @Test
    void waitingForAHungRunTakesTheLeaseOverOnceItsHeartbeatIsOlderThanTheTimeout() {
        int holder = holdUs();

        EnrichReport report = service(HOST_B).run(request(EnrichMode.INCREMENTAL, EnrichRequest.WAIT_FOREVER,
                Region.US), ProgressListener.NONE);

        assertThat(us(report).status()).isEqualTo(RunState.COMPLETED);
        assertThat(runStatus(holder)).isEqualTo("ABANDONED");
        assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus)).isBetween(Duration.ofMinutes(2),
                Duration.ofMinutes(2).plusSeconds(2));
    }

    @Test
    void aRunWhoseLeaseWasTakenOverStopsItsRegionWritesNothingMoreAndEndsAbandoned() throws Exception {
        db.dsl().deleteFrom(TICKERS).execute();
        TestStore.add(db, listing("NAS", "AAA", "000"), listing("NAS", "BBB", "000"));
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        EnrichmentService hung = service(HOST_A, (symbol, gate) -> {
            asked.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new YahooLookup.Found(new YahooProfile(Optional.of("Technology"), Optional.of("Software"),
                    Optional.of("EQUITY"), Optional.of(symbol + " Corp"), Optional.empty(),
                    YahooEndpoint.QUOTE_SUMMARY));
        });
        ExecutorService runner = Executors.newSingleThreadExecutor();
        Future<EnrichReport> first = runner.submit(() -> hung.run(request(EnrichMode.INCREMENTAL, null, Region.US),
                ProgressListener.NONE));
        assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();

        clock.advance(Duration.ofMinutes(3));
        int other = new RunLog(db.dsl(), clock, HOST_B).start("US", EnrichMode.INCREMENTAL);
        RegionLeases.Attempt takeover = leases().acquire(Region.US, other);
        heartbeats.tick();
        answer.countDown();
        EnrichReport report = first.get(30, TimeUnit.SECONDS);
        runner.shutdown();

        assertThat(takeover.taken()).isTrue();
        assertThat(takeover.holder().run().owner()).isEqualTo(HOST_A);
        assertThat(us(report).status()).isEqualTo(RunState.FAILED);
        assertThat(us(report).error()).contains("the lease of US was taken over by another run");
        assertThat(report.status()).isEqualTo(RunState.ABANDONED);
        assertThat(runStatus(report.runId())).isEqualTo("ABANDONED");
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.STATUS.eq("PENDING"))).isEqualTo(2);
        assertThat(db.dsl().fetchValue(REGION_LEASES.RUN_ID, REGION_LEASES.REGION.eq("US"))).isEqualTo(other);
    }

    @Test
    void runsOverNamedTickersTakeNoLease() {
        holdUs();

        EnrichReport report = service(HOST_B).run(new EnrichRequest(EnumSet.of(Region.US), EnrichMode.TICKERS,
                List.of("XOM"), 30, false, false, false, 1), ProgressListener.NONE);

        assertThat(us(report).status()).isEqualTo(RunState.COMPLETED);
        assertThat(db.dsl().fetchValue(TICKERS.STATUS, TICKERS.TICKER.eq("XOM"))).isEqualTo("CLASSIFIED");
    }

    @Test
    void aDryRunTakesNoLeaseAndSkipsNothing() {
        holdUs();

        EnrichReport report = service(HOST_B).run(new EnrichRequest(EnumSet.of(Region.US), EnrichMode.INCREMENTAL,
                List.of(), 30, true, false, false, 1), ProgressListener.NONE);

        assertThat(us(report).status()).isEqualTo(RunState.COMPLETED);
        assertThat(us(report).enriched()).isEqualTo(2);
    }

    @Test
    void theNextRunMarksARunWhoseProcessOnThisHostIsGoneAbandonedAtOnce() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        int dead = new RunLog(db.dsl(), clock, new RunOwner(RunOwner.current().host(), gone.pid()))
                .start("US", EnrichMode.INCREMENTAL);
        leases().acquire(Region.US, dead);

        EnrichReport report = service(HOST_B).run(request(EnrichMode.INCREMENTAL, null, Region.US),
                ProgressListener.NONE);

        assertThat(runStatus(dead)).isEqualTo("ABANDONED");
        assertThat(us(report).status()).isEqualTo(RunState.COMPLETED);
    }

    @Test
    void aRunLeftRunningBeforeRunsRecordedTheirOwnerIsAbandonedOnceItIsOlderThanTheTimeout() {
        int old = new RunLog(db.dsl(), clock, HOST_A).start("US", EnrichMode.INCREMENTAL);
        db.dsl().update(ENRICHMENT_RUNS).setNull(ENRICHMENT_RUNS.HOST).setNull(ENRICHMENT_RUNS.PID)
                .setNull(ENRICHMENT_RUNS.HEARTBEAT_AT).where(ENRICHMENT_RUNS.ID.eq(old)).execute();
        assertThat(staleRuns().abandonStale()).isEmpty();

        clock.advance(Duration.ofMinutes(3));

        assertThat(staleRuns().abandonStale()).extracting(r -> r.runId()).containsExactly(old);
        assertThat(runStatus(old)).isEqualTo("ABANDONED");
    }

    @Test
    void aRunsHeartbeatStopsWithTheRun() {
        service(HOST_B).run(request(EnrichMode.INCREMENTAL, null, Region.US), ProgressListener.NONE);

        assertThat(heartbeats.scheduled()).isZero();
    }
}
