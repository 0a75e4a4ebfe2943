package io.spock.metadata.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionRetry;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.enrich.Sleeper;
import io.spock.metadata.enrich.TestPipeline;
import io.spock.metadata.market.Region;
import io.spock.metadata.metrics.Exposition.Sample;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.yahoo.YahooRequestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.spock.metadata.metrics.Exposition.find;
import static io.spock.metadata.metrics.Exposition.value;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The series move while a run goes, per committed batch, not only at its end; the run's status and its last success
 * come from a fake clock, so nothing here sleeps.
 */
class InRunMetricsTest {

    static final Instant NOW = Instant.parse("2026-11-30T02:31:07Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    Database db;
    ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        if (db != null) {
            db.close();
        }
    }

    /** Regression: every run read the whole store for the coverage gauges, even when nobody could see them. */
    @Test
    void theStoreIsReadForCoverageOnlyWhenSomeoneCanSeeTheFigures() {
        db = TestStore.open(dir);
        TestStore.add(db, listing("NYS", "XOM", "010"));
        PrometheusRegistry registry = new PrometheusRegistry();
        MetricsServer server = new MetricsServer(registry, "127.0.0.1");
        MetricsPublisher publisher = TestMetrics.publisher(registry, db, clock, "", "test", Duration.ofSeconds(5),
                server);

        publisher.begin(null, null, false).finished(RunState.COMPLETED);
        boolean unseen = find(Exposition.scrape(registry), "spock_coverage_classified_ratio",
                Map.of("region", "US")).isPresent();
        server.start(0);
        try {
            publisher.begin(null, null, false).finished(RunState.COMPLETED);
        } finally {
            server.stop();
        }

        assertThat(unseen).as("no Pushgateway, no textfile, no endpoint: not read").isFalse();
        assertThat(find(Exposition.scrape(registry), "spock_coverage_classified_ratio", Map.of("region", "US")))
                .as("the endpoint serves: read").isPresent();
    }

    /** What a scrape sees after each committed batch. */
    record Seen(double enrichedByKis, double due, double running, boolean lastSuccess) {
    }

    @Test
    void classifiedTickersAndTickersDueMoveWithEveryCommittedBatch() {
        db = TestStore.open(dir);
        // 250 tickers with KIS code 010 (energy, medium confidence): settled without Yahoo, in batches of 100
        TestStore.add(db, IntStream.range(0, 250).mapToObj(i -> listing("NYS", "E" + i, "010"))
                .toArray(Listing[]::new));
        PrometheusRegistry registry = new PrometheusRegistry();
        MetricsPublisher publisher = TestMetrics.publisher(registry, db, clock);
        List<Seen> seen = new ArrayList<>();
        ProgressListener scrape = new ProgressListener() {
            @Override
            public void batchCommitted(String region, Map<Source, Integer> classifiedBySource) {
                List<Sample> samples = Exposition.scrape(registry);
                seen.add(new Seen(value(samples, "spock_enrichment_stocks_enriched_total",
                        Map.of("region", "US", "source", "kis")),
                        value(samples, "spock_enrichment_tickers_due", Map.of("region", "US")),
                        value(samples, "spock_enrichment_last_run_status", Map.of("status", "RUNNING")),
                        find(samples, "spock_enrichment_last_success_timestamp_seconds", Map.of()).isPresent()));
            }
        };

        EnrichReport report;
        try (RunPublication run = publisher.begin(null, null, false)) {
            report = TestPipeline.builder(db, TestPipeline.yahooSettings("http://127.0.0.1:1", 1000),
                            YahooRequestListener.NO_OP, pool, Sleeper.SYSTEM).clock(clock).build()
                    .run(new EnrichRequest(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, List.of(), 30, false, false,
                            false, 1, RegionRetry.NONE), ProgressListener.all(run, scrape));
            run.finished(report.status());
        }

        assertThat(report.status()).isEqualTo(RunState.COMPLETED);
        assertThat(seen).containsExactly(new Seen(100, 150, 1, false), new Seen(200, 50, 1, false),
                new Seen(250, 0, 1, false));
        List<Sample> after = Exposition.scrape(registry);
        assertThat(value(after, "spock_enrichment_last_success_timestamp_seconds", Map.of()))
                .isEqualTo(NOW.getEpochSecond());
        assertThat(value(after, "spock_enrichment_last_run_status", Map.of("status", "COMPLETED"))).isEqualTo(1);
        assertThat(value(after, "spock_enrichment_last_run_status", Map.of("status", "RUNNING"))).isZero();
        assertThat(value(after, "spock_enrichment_regions_processed_total",
                Map.of("region", "US", "status", "COMPLETED"))).isEqualTo(1);
    }

    @Test
    void tickersDueCountOnAcrossARegionRetryAndStayWhenTheRegionIsInterrupted() {
        PrometheusRegistry registry = new PrometheusRegistry();
        EnrichmentMetrics metrics = new EnrichmentMetrics(registry);

        metrics.regionStarted("HK", 300);
        metrics.advanced("HK", 100);
        metrics.regionRetrying("HK", 1, Duration.ofSeconds(5), "database is locked");
        metrics.regionStarted("HK", 300); // a retry's total includes the 100 already committed
        double afterRetry = value(Exposition.scrape(registry), "spock_enrichment_tickers_due", Map.of("region", "HK"));
        metrics.advanced("HK", 100);
        metrics.regionFinished(new RegionSummary("HK", RunState.INTERRUPTED, 200, 200, Map.of(Source.KIS, 200), 0, 0, 0,
                0, 0, 0, 1, 0, Duration.ofSeconds(3), "interrupted", List.of()));
        metrics.regionStarted("HK", 80); // the next run in the same shell starts afresh

        assertThat(afterRetry).isEqualTo(200);
        assertThat(value(Exposition.scrape(registry), "spock_enrichment_tickers_due", Map.of("region", "HK")))
                .isEqualTo(80);
    }

    @Test
    void aFailedRunIsNoSuccessAndARunThatNeverEndedIsRecordedFailed() {
        db = TestStore.open(dir);
        PrometheusRegistry registry = new PrometheusRegistry();
        MetricsPublisher publisher = TestMetrics.publisher(registry, db, clock);

        publisher.begin(null, null, false).finished(RunState.FAILED);
        List<Sample> failed = Exposition.scrape(registry);
        publisher.begin(null, null, false).close();
        List<Sample> threw = Exposition.scrape(registry);

        assertThat(value(failed, "spock_enrichment_last_run_status", Map.of("status", "FAILED"))).isEqualTo(1);
        assertThat(find(failed, "spock_enrichment_last_success_timestamp_seconds", Map.of())).isEmpty();
        assertThat(value(threw, "spock_enrichment_last_run_status", Map.of("status", "FAILED"))).isEqualTo(1);
        assertThat(value(threw, "spock_enrichment_last_run_status", Map.of("status", "RUNNING"))).isZero();
    }
}
