package io.spock.metadata.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.metrics.CoverageMetrics;
import io.spock.metadata.metrics.EnrichmentMetrics;
import io.spock.metadata.metrics.LastRunMetrics;
import io.spock.metadata.metrics.YahooMetrics;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.ReviewQuery;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.StatusQuery;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and the alert rules in {@code monitoring/} ask only for series the product exposes, with the labels
 * it gives them. ({@code .ci/run} checks the rules and the example configuration with promtool, and runs the rules'
 * unit tests.)
 */
class MonitoringFilesTest {

    private static final Pattern SERIES = Pattern.compile("\\bspock_[a-z_]+");
    private static final Pattern LABEL = Pattern.compile("[{,]([a-z_]+)=\"");

    @TempDir
    Path dir;

    /** A registry holding every series of the product, in the text exposition format. */
    private String exposition() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        EnrichmentMetrics enrichment = new EnrichmentMetrics(registry);
        new YahooMetrics(registry).onRequest(io.spock.metadata.yahoo.YahooEndpoint.QUOTE_SUMMARY, "ok");
        try (Database db = TestStore.open(dir)) {
            TestStore.add(db, listing("NYS", "XOM", "010"));
            db.dsl().update(TICKERS).set(TICKERS.SECTOR_CODE, "10").set(TICKERS.SOURCE, Source.KIS.name()).execute();
            new CoverageMetrics(registry, new StatusQuery(db.dsl()), new ReviewQuery(db.dsl()), Clock.systemUTC())
                    .refresh();
        }
        new LastRunMetrics(registry, Clock.systemUTC()).finished(RunState.COMPLETED);
        enrichment.regionStarted("US", 1);
        enrichment.advanced("US", 1);
        enrichment.batchCommitted("US", Map.of(Source.KIS, 1));
        enrichment.regionFinished(new RegionSummary("US", RunState.COMPLETED, 1, 1, Map.of(Source.KIS, 1), 0, 0, 0, 0,
                0, 0, 0, 0, Duration.ofSeconds(1), null, List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private Set<String> exposedNames() throws Exception {
        Set<String> names = new TreeSet<>();
        exposition().lines().filter(l -> !l.startsWith("#")).forEach(l -> names.add(l.split("[{ ]")[0]));
        return names;
    }

    private static Set<String> referenced(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = SERIES.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("monitoring/grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        return expressions;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("monitoring/alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Object group : (List<Object>) rules.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                expressions.add(String.valueOf(((Map<String, Object>) rule).get("expr")));
            }
        }
        return expressions;
    }

    @Test
    void theDashboardAndTheAlertsUseOnlySeriesTheProductExposes() throws Exception {
        Set<String> exposed = exposedNames();
        List<String> expressions = dashboardExpressions();
        List<String> alerts = alertExpressions();

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        assertThat(alerts).hasSize(6);
        assertThat(referenced(String.join("\n", expressions))).isNotEmpty().isSubsetOf(exposed);
        assertThat(referenced(String.join("\n", alerts))).isNotEmpty().isSubsetOf(exposed);
    }

    @Test
    void theDashboardShowsWhatTheIssueAsksFor() throws Exception {
        Set<String> shown = referenced(String.join("\n", dashboardExpressions()));

        assertThat(shown).contains("spock_coverage_classified_ratio", "spock_coverage_tickers",
                "spock_enrichment_duration_seconds_sum", "spock_yahoo_requests_total",
                "spock_yahoo_circuit_breaker_state", "spock_enrichment_tickers_due",
                "spock_enrichment_last_success_timestamp_seconds");
    }

    @Test
    void labelsStaySmallAndFixed() throws Exception {
        Set<String> labels = new TreeSet<>();
        Matcher m = LABEL.matcher(exposition());
        while (m.find()) {
            labels.add(m.group(1));
        }

        // region, source, status, Yahoo's endpoint and outcome only (le: the histogram's buckets); never a ticker
        assertThat(labels).containsExactlyInAnyOrder("region", "source", "status", "endpoint", "outcome", "le");
    }
}
