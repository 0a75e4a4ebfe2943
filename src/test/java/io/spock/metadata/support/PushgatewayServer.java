package io.spock.metadata.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The real Prometheus Pushgateway the tests push to, from {@code SPOCK_TEST_PUSHGATEWAY_URL} ({@code .ci/run} starts
 * one with {@code .ci/pushgateway.sh}). Without it those tests are skipped with a message, except under CI, where a
 * missing Pushgateway is a failure. What was pushed is read back from the Pushgateway's own API
 * ({@code /api/v1/metrics}), so the Pushgateway's parser is the judge of what the product sent.
 */
public final class PushgatewayServer {

    private static final String VARIABLE = "SPOCK_TEST_PUSHGATEWAY_URL";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One series as the Pushgateway holds it: its labels (job and instance included) and its value. */
    public record Series(Map<String, String> labels, double value) {
    }

    private final String url;

    private PushgatewayServer(String url) {
        this.url = url.replaceAll("/+$", "");
    }

    /** The configured Pushgateway; skips (or, on CI, fails) the calling test when there is none. */
    public static PushgatewayServer require() {
        return new PushgatewayServer(TestServices.variable(VARIABLE,
                "e.g. source .ci/pushgateway.sh && start_pushgateway"));
    }

    public String url() {
        return url;
    }

    /**
     * The series of one metric in the group {@code job}/{@code instance}, keyed by their labels without job and
     * instance; empty when the group or the metric is absent. Histograms are not read here.
     */
    public Map<Map<String, String>, Double> series(String job, String instance, String metric) {
        Optional<JsonNode> group = group(job, instance);
        Map<Map<String, String>, Double> series = new HashMap<>();
        group.map(g -> g.path(metric).path("metrics")).ifPresent(metrics -> metrics.forEach(m -> {
            Map<String, String> labels = new TreeMap<>();
            m.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            labels.remove("job");
            labels.remove("instance");
            series.put(labels, Double.parseDouble(m.path("value").asText()));
        }));
        return series;
    }

    /** The metric's type as the Pushgateway parsed it (COUNTER, GAUGE, HISTOGRAM…), or null when absent. */
    public String type(String job, String instance, String metric) {
        return group(job, instance).map(g -> g.path(metric).path("type").asText(null)).orElse(null);
    }

    /** Whether the group exists. */
    public boolean hasGroup(String job, String instance) {
        return group(job, instance).isPresent();
    }

    private Optional<JsonNode> group(String job, String instance) {
        JsonNode root = json(send(HttpRequest.newBuilder(URI.create(url + "/api/v1/metrics")).GET()));
        for (JsonNode g : root.path("data")) {
            if (job.equals(g.path("labels").path("job").asText())
                    && instance.equals(g.path("labels").path("instance").asText())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** Replaces the group with {@code text} in the text exposition format (PUT), as a client would push it. */
    public void putText(String job, String instance, String text) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(groupUri(job, instance))
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(text)));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("the Pushgateway refused the text (" + response.statusCode() + "): "
                    + response.body());
        }
    }

    /** Removes the group (tests clean up after themselves). */
    public void delete(String job, String instance) {
        send(HttpRequest.newBuilder(groupUri(job, instance)).DELETE());
    }

    private URI groupUri(String job, String instance) {
        return URI.create(url + "/metrics/job/" + job + "/instance/" + instance);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
