package io.spock.metadata.metrics;

import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.app.Messages;
import io.spock.metadata.app.UsageException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pushes a registry to a Prometheus Pushgateway with the Java client's own exporter, in the text exposition format,
 * under the job {@value #JOB} and the grouping key {@code instance}. Each push waits at most the push timeout (the
 * client itself gives up after 10 s to connect and 10 s to read), so a stalling Pushgateway cannot hold a run up.
 */
final class PushgatewayExporter implements AutoCloseable {

    static final String JOB = "spock_enrichment";

    private final String url;
    private final PushGateway gateway;
    private final Duration timeout;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "pushgateway");
        t.setDaemon(true);
        return t;
    });

    private PushgatewayExporter(String url, PushGateway gateway, Duration timeout) {
        this.url = url;
        this.gateway = gateway;
        this.timeout = timeout;
    }

    /**
     * @param url      {@code http[s]://[user:password@]host[:port][/path]}; user and password become HTTP basic auth
     * @param option   how the operator gave the URL ({@code --pushgateway}, or the setting), for the error message
     * @param instance the value of the {@code instance} grouping key
     * @throws UsageException when the URL is not an http(s) URL with a host (exit status 2)
     */
    static PushgatewayExporter to(String url, String option, PrometheusRegistry registry, String instance,
                                  Duration timeout) {
        URI uri = parse(url, option);
        String authority = uri.getRawAuthority();
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        PushGateway.Builder builder = PushGateway.builder().registry(registry).format(Format.PROMETHEUS_TEXT)
                .scheme(uri.getScheme().equalsIgnoreCase("https") ? Scheme.HTTPS : Scheme.HTTP)
                .address(hostPort + path).job(JOB).groupingKey("instance", instance);
        if (uri.getRawUserInfo() != null) {
            String[] user = uri.getRawUserInfo().split(":", 2);
            builder.basicAuth(decode(user[0]), user.length > 1 ? decode(user[1]) : "");
        }
        String shown = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostPort + path;
        return new PushgatewayExporter(shown, builder.build(), timeout);
    }

    private static URI parse(String url, String option) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(url, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            // the URL itself is not repeated: it may hold a password
            throw new UsageException(option + ": not a Pushgateway URL; expected http://HOST:PORT (such as "
                    + "http://127.0.0.1:9091)");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The Pushgateway's address without any credentials, for messages. */
    String url() {
        return url;
    }

    /**
     * Pushes the registry: {@code replace} (HTTP PUT) replaces every metric of the group, otherwise (POST) only the
     * metrics pushed now, keeping the others (such as the last success of an earlier run).
     *
     * @return why the push failed, on one line; empty when it succeeded
     */
    Optional<String> push(boolean replace) {
        Future<?> push = thread.submit(() -> {
            if (replace) {
                gateway.push();
            } else {
                gateway.pushAdd();
            }
            return null;
        });
        try {
            push.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            push.cancel(true);
            return Optional.of("no answer within " + timeout.toMillis() / 1000.0 + " s");
        } catch (ExecutionException e) {
            return Optional.of(reason(e.getCause()));
        } catch (InterruptedException e) {
            push.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The client's message without its repetitions: {@code Connection refused}, {@code HTTP 400: …}. */
    private static String reason(Throwable failure) {
        return Messages.flatten(Messages.of(failure)
                .replaceFirst("^Failed to push metrics to the Prometheus Pushgateway on \\S+: ", "")
                .replaceFirst("^Response code from \\S+ was (\\d+)(, response body: )?", "HTTP $1: "));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
