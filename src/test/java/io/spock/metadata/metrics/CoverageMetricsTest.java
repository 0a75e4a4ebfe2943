package io.spock.metadata.metrics;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionRetry;
import io.spock.metadata.enrich.Sleeper;
import io.spock.metadata.enrich.TestPipeline;
import io.spock.metadata.market.Region;
import io.spock.metadata.metrics.Exposition.Sample;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.ReviewQuery;
import io.spock.metadata.store.StatusQuery;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.yahoo.YahooRequestListener;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.metrics.Exposition.find;
import static io.spock.metadata.metrics.Exposition.value;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;

/** The coverage and review-queue gauges hold the store's figures, on SQLite and on PostgreSQL. */
class CoverageMetricsTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.Backend.class)
    void gaugesHoldTheStoresCoverageAndReviewQueuePerRegion(TestStore.Backend backend) {
        YahooStub yahoo = new YahooStub(wireMock);
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database db = TestStore.open(backend, dir)) {
            // XOM: KIS 010 (medium); AAPL: KIS 730 (low), Yahoo decides; MSFT: KIS 720 (low) stands, Yahoo does not
            // know it; ZZZZ: no code, Yahoo does not know it. Review: MSFT (low, not found), ZZZZ (not found).
            TestStore.add(db, listing("NYS", "XOM", "010"), listing("NAS", "AAPL", "730"),
                    listing("NAS", "MSFT", "720"), listing("NAS", "ZZZZ", "000"));
            TestPipeline.service(db, TestPipeline.yahooSettings(wireMock.baseUrl(), 1000), YahooRequestListener.NO_OP,
                    pool, Sleeper.SYSTEM).run(new EnrichRequest(EnumSet.of(Region.US), EnrichMode.INCREMENTAL,
                    List.of(), 30, false, false, false, 1, RegionRetry.NONE), ProgressListener.NONE);
            PrometheusRegistry registry = new PrometheusRegistry();

            new CoverageMetrics(registry, new StatusQuery(db.dsl()), new ReviewQuery(db.dsl()), Clock.systemUTC())
                    .refresh();

            List<Sample> samples = Exposition.scrape(registry);
            assertThat(value(samples, "spock_coverage_classified_ratio", Map.of("region", "US"))).isEqualTo(0.75);
            assertThat(value(samples, "spock_coverage_tickers", Map.of("region", "US", "source", "kis")))
                    .isEqualTo(2);
            assertThat(value(samples, "spock_coverage_tickers", Map.of("region", "US", "source", "yahoo")))
                    .isEqualTo(1);
            assertThat(value(samples, "spock_review_queue_tickers", Map.of("region", "US"))).isEqualTo(2);
            assertThat(find(samples, "spock_coverage_classified_ratio", Map.of("region", "JP")))
                    .as("a region without listed tickers has no coverage").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
