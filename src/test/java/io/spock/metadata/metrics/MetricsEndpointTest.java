package io.spock.metadata.metrics;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.RegionRetry;
import io.spock.metadata.enrich.Sleeper;
import io.spock.metadata.enrich.TestPipeline;
import io.spock.metadata.market.Region;
import io.spock.metadata.metrics.Exposition.Sample;
import io.spock.metadata.store.Database;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.spock.metadata.metrics.Exposition.value;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real run counted into the registry, then scraped over HTTP from the endpoint and parsed. */
class MetricsEndpointTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Database db;
    ExecutorService pool;
    PrometheusRegistry registry;
    MetricsServer server;

    @BeforeEach
    void setUp() {
        db = TestStore.open(dir);
        pool = Executors.newFixedThreadPool(4);
        registry = new PrometheusRegistry();
        server = new MetricsServer(registry, "127.0.0.1");
    }

    @AfterEach
    void tearDown() {
        server.close();
        pool.shutdownNow();
        db.close();
    }

    private List<Sample> scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Exposition.parse(response.body());
    }

    @Test
    void everySeriesIsServedAfterARun() throws Exception {
        YahooStub yahoo = new YahooStub(wireMock);
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        TestStore.add(db, listing("NYS", "XOM", "010"), listing("NAS", "AAPL", "000"), listing("NAS", "ZZZZ", "000"),
                listing("TSE", "7203", "310"));
        TestPipeline.service(db, TestPipeline.yahooSettings(wireMock.baseUrl(), 1000), new YahooMetrics(registry),
                pool, Sleeper.SYSTEM).run(new EnrichRequest(EnumSet.of(Region.US, Region.JP), EnrichMode.INCREMENTAL,
                List.of(), 30, false, false, true, 5, RegionRetry.NONE), new EnrichmentMetrics(registry));

        int port = server.start(0);
        List<Sample> samples = scrape(port);

        assertThat(value(samples, "spock_enrichment_regions_processed_total",
                Map.of("region", "US", "status", "COMPLETED"))).isEqualTo(1.0);
        assertThat(value(samples, "spock_enrichment_regions_processed_total",
                Map.of("region", "JP", "status", "COMPLETED"))).isEqualTo(1.0);
        assertThat(value(samples, "spock_enrichment_stocks_enriched_total", Map.of("region", "US", "source", "kis")))
                .isEqualTo(1.0);
        assertThat(value(samples, "spock_enrichment_stocks_enriched_total", Map.of("region", "US", "source", "yahoo")))
                .isEqualTo(1.0);
        assertThat(value(samples, "spock_enrichment_duration_seconds_count", Map.of("region", "US"))).isEqualTo(1.0);
        assertThat(value(samples, "spock_enrichment_duration_seconds_bucket", Map.of("region", "US", "le", "+Inf")))
                .isEqualTo(1.0);
        assertThat(value(samples, "spock_enrichment_duration_seconds_sum", Map.of("region", "US"))).isPositive();
        assertThat(value(samples, "spock_enrichment_success_rate", Map.of("region", "US"))).isCloseTo(2 / 3.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(value(samples, "spock_enrichment_success_rate", Map.of("region", "JP"))).isEqualTo(1.0);
        assertThat(value(samples, "spock_enrichment_retry_attempts_total", Map.of("region", "US"))).isZero();
        assertThat(value(samples, "spock_enrichment_tickers_due", Map.of("region", "US"))).isZero();
        assertThat(value(samples, "spock_enrichment_tickers_due", Map.of("region", "JP"))).isZero();
        assertThat(value(samples, "spock_yahoo_circuit_breaker_state", Map.of())).isZero();
        assertThat(value(samples, "spock_enrichment_stocks_unresolved_total",
                Map.of("region", "US", "status", "not_found"))).as("ZZZZ").isEqualTo(1.0);
        assertThat(value(samples, "spock_enrichment_stocks_unresolved_total",
                Map.of("region", "US", "status", "failed"))).isZero();
        assertThat(value(samples, "spock_yahoo_requests_total", Map.of("endpoint", "search", "outcome", "ok")))
                .as("AAPL, answered by the search").isEqualTo(1.0);
        assertThat(value(samples, "spock_yahoo_requests_total", Map.of("endpoint", "search", "outcome", "no_match")))
                .as("ZZZZ, unknown to the search").isEqualTo(1.0);
        assertThat(value(samples, "spock_yahoo_requests_total", Map.of("endpoint", "cookie", "outcome", "ok")))
                .as("the session opens only for quoteSummary").isEqualTo(1.0);
        assertThat(value(samples, "spock_yahoo_requests_total", Map.of("endpoint", "crumb", "outcome", "ok")))
                .isEqualTo(1.0);
        assertThat(value(samples, "spock_yahoo_requests_total",
                Map.of("endpoint", "quoteSummary", "outcome", "not_found"))).isEqualTo(1.0);
        assertThat(samples).extracting(Sample::name).filteredOn(n -> n.startsWith("spock_")).allMatch(n ->
                n.startsWith("spock_enrichment_regions_processed_total")
                        || n.startsWith("spock_enrichment_stocks_enriched_total")
                        || n.startsWith("spock_enrichment_stocks_unresolved_total")
                        || n.startsWith("spock_enrichment_duration_seconds")
                        || n.startsWith("spock_enrichment_success_rate")
                        || n.startsWith("spock_enrichment_retry_attempts_total")
                        || n.startsWith("spock_enrichment_tickers_due")
                        || n.startsWith("spock_yahoo_requests_total")
                        || n.startsWith("spock_yahoo_circuit_breaker_state"));
    }

    @Test
    void breakerStateFollowsTheHook() throws Exception {
        YahooMetrics yahoo = new YahooMetrics(registry);
        yahoo.onBreakerStateChange("open");

        assertThat(value(scrape(server.start(0)), "spock_yahoo_circuit_breaker_state", Map.of())).isEqualTo(2.0);
    }

    @Test
    void aPortInUseIsAOneLineErrorWithStatusOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> server.start(taken.getLocalPort()))
                    .isInstanceOf(SpockException.class)
                    .hasMessage("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()
                            + ": address already in use")
                    .satisfies(e -> assertThat(((SpockException) e).exitCode()).isEqualTo(ExitCodes.ERROR));
        }
        assertThat(server.port()).isEmpty();
    }

    @Test
    void stopsAndStartsAgain() {
        int port = server.start(0);
        assertThat(server.port()).contains(port);
        assertThat(server.stop()).isTrue();
        assertThat(server.stop()).isFalse();
        assertThat(server.start(0)).isPositive();
    }
}
