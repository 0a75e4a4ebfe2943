package io.spock.metadata.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.metrics.Exposition.Sample;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.RunState;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.ProjectConfig;
import io.spock.metadata.support.PushgatewayServer;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pushes to a real Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}, started by {@code .ci/run}) and
 * reads the series back from its API: the Pushgateway's own parser judges what the product sent.
 */
class PushgatewayPushTest {

    private static final String JOB = PushgatewayExporter.JOB;

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;
    PushgatewayServer gateway;
    /** Each test pushes under its own instance, so that tests and runs of CI never see each other's groups. */
    String instance = "test-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        gateway = PushgatewayServer.require();
    }

    @AfterEach
    void tearDown() {
        if (gateway == null) {
            return; // skipped
        }
        gateway.delete(JOB, instance);
        gateway.delete("spock_textfile_check", instance);
    }

    private static Map<String, String> labels(String... keyValues) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            labels.put(keyValues[i], keyValues[i + 1]);
        }
        return labels;
    }

    @Test
    void enrichPushesTheRunsSeriesAndThePushgatewayReadsThemBack() throws Exception {
        ProjectConfig.copyTo(home);
        YahooStub yahoo = new YahooStub(wireMock);
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        CliRun cli = new CliRun(home).property("spock.yahoo.url", yahoo.baseUrl())
                .property("spock.yahoo.cookie-url", yahoo.cookieUrl()).property("spock.yahoo.rate", "1000")
                .property("spock.yahoo.burst", "10").property("spock.yahoo.retry.initial-delay", "1ms")
                .property("spock.yahoo.retry.max-delay", "2ms").property("spock.metrics.instance", instance);
        long before = Instant.now().getEpochSecond();

        CliRun.Result result = cli.run("enrich", "--regions", "US,JP", "--pushgateway", gateway.url(),
                "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
        assertThat(Files.readString(home.resolve("logs/spock.log"))).doesNotContain("Cannot push")
                .contains("Pushed the run's metrics to the Pushgateway at " + gateway.url());
        JsonNode us = new ObjectMapper().readTree(result.out()).get("regions").get(0);
        assertThat(us.get("region").asText()).isEqualTo("US");
        assertThat(gateway.series(JOB, instance, "spock_enrichment_stocks_enriched_total"))
                .containsEntry(labels("region", "US", "source", "kis"), us.at("/classified_by_source/kis").asDouble())
                .containsEntry(labels("region", "US", "source", "yahoo"), 1.0);
        assertThat(gateway.series(JOB, instance, "spock_enrichment_regions_processed_total"))
                .containsEntry(labels("region", "US", "status", "COMPLETED"), 1.0)
                .containsEntry(labels("region", "JP", "status", "COMPLETED"), 1.0);
        assertThat(gateway.series(JOB, instance, "spock_enrichment_last_run_status"))
                .containsEntry(labels("status", "COMPLETED"), 1.0).containsEntry(labels("status", "RUNNING"), 0.0);
        assertThat(gateway.series(JOB, instance, "spock_enrichment_last_success_timestamp_seconds").get(labels()))
                .isBetween((double) before, Instant.now().getEpochSecond() + 1.0);
        assertThat(gateway.series(JOB, instance, "spock_enrichment_tickers_due"))
                .containsEntry(labels("region", "US"), 0.0);
        assertThat(gateway.series(JOB, instance, "spock_yahoo_requests_total"))
                .containsEntry(labels("endpoint", "quoteSummary", "outcome", "rate_limited"), 0.0);
        assertThat(gateway.series(JOB, instance, "spock_coverage_classified_ratio").get(labels("region", "US")))
                .isBetween(0.0, 1.0);
        assertThat(gateway.type(JOB, instance, "spock_enrichment_duration_seconds")).isEqualTo("HISTOGRAM");
        assertThat(gateway.type(JOB, instance, "spock_enrichment_stocks_enriched_total")).isEqualTo("COUNTER");
    }

    @Test
    void aRunThatFailedKeepsTheLastSuccessThePushgatewayHolds() {
        Instant night1 = Instant.parse("2026-11-29T02:31:00Z");
        try (Database db = TestStore.open(home)) {
            // two nights, two processes: each has its own registry
            publish(db, night1, RunState.COMPLETED);
            publish(db, night1.plus(Duration.ofDays(1)), RunState.FAILED);
        }

        assertThat(gateway.series(JOB, instance, "spock_enrichment_last_success_timestamp_seconds"))
                .containsExactly(Map.entry(labels(), (double) night1.getEpochSecond()));
        assertThat(gateway.series(JOB, instance, "spock_enrichment_last_run_status"))
                .containsEntry(labels("status", "FAILED"), 1.0).containsEntry(labels("status", "COMPLETED"), 0.0);
    }

    private void publish(Database db, Instant at, RunState status) {
        MetricsPublisher publisher = TestMetrics.publisher(new PrometheusRegistry(), db,
                Clock.fixed(at, ZoneOffset.UTC), gateway.url(), instance, Duration.ofSeconds(10));
        try (RunPublication run = publisher.begin(null, null, false)) {
            run.finished(status);
        }
    }

    @Test
    void theTextfileReadsBackThroughThePushgatewaysParserWithEveryValue() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        new YahooMetrics(registry).onRequest(io.spock.metadata.yahoo.YahooEndpoint.QUOTE_SUMMARY, "ok");
        Path file = home.resolve("spock.prom");
        try (Database db = TestStore.open(home)) {
            TestStore.add(db, listing("NYS", "XOM", "010"), listing("TSE", "7203", "310"));
            MetricsPublisher publisher = TestMetrics.publisher(registry, db, Clock.systemUTC());
            try (RunPublication run = publisher.begin(null, file.toString(), false)) {
                run.regionStarted("US", 3);
                run.advanced("US", 3);
                run.finished(RunState.COMPLETED);
            }
        }
        List<Sample> written = Exposition.parse(Files.readString(file));

        gateway.putText("spock_textfile_check", instance, Files.readString(file));

        assertThat(written).isNotEmpty();
        for (Sample sample : written) {
            if (sample.name().startsWith("spock_enrichment_duration_seconds")) {
                continue; // histogram samples are read back as one histogram, not as lines
            }
            assertThat(gateway.series("spock_textfile_check", instance, sample.name()))
                    .as(sample.name()).containsEntry(sample.labels(), sample.value());
        }
        assertThat(gateway.series("spock_textfile_check", instance, "spock_coverage_classified_ratio"))
                .containsEntry(labels("region", "US"), 0.0).containsEntry(labels("region", "JP"), 0.0);
    }
}
