package io.spock.metadata.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.util.Optional;
import java.util.function.Supplier;

/** The Prometheus HTTP endpoint ({@code /metrics}): at most one, started and stopped on demand. */
public final class MetricsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

    private final PrometheusRegistry registry;
    private final Supplier<MetricsProperties> settings;
    private HTTPServer server;

    public MetricsServer(PrometheusRegistry registry, String host) {
        this(registry, () -> MetricsProperties.endpoint(host, 0));
    }

    /** @param settings read when the endpoint starts, so that a bad setting stops only what serves metrics */
    public MetricsServer(PrometheusRegistry registry, Supplier<MetricsProperties> settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /**
     * Starts serving on {@code port} (0 picks a free one) and returns the port. A port in use is a one-line
     * error with exit status 1.
     */
    public synchronized int start(int port) {
        if (port < 0 || port > 65535) {
            throw new UsageException("port must be 0-65535, not " + port);
        }
        if (server != null) {
            throw new UsageException("the metrics endpoint is already serving on " + address(server.getPort()));
        }
        String host = settings.get().host();
        try {
            server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
        } catch (BindException e) {
            throw new SpockException(ExitCodes.ERROR, "cannot serve metrics on " + address(port)
                    + ": address already in use", e);
        } catch (IOException | RuntimeException e) {
            throw new SpockException(ExitCodes.ERROR, "cannot serve metrics on " + address(port) + ": "
                    + e.getMessage(), e);
        }
        log.info("Serving Prometheus metrics on http://{}/metrics", address(server.getPort()));
        return server.getPort();
    }

    /** Stops serving; returns false when it was not serving. */
    public synchronized boolean stop() {
        if (server == null) {
            return false;
        }
        server.stop();
        log.info("Stopped serving Prometheus metrics on {}", address(server.getPort()));
        server = null;
        return true;
    }

    /** The port being served, if any. */
    public synchronized Optional<Integer> port() {
        return Optional.ofNullable(server).map(HTTPServer::getPort);
    }

    public String address(int port) {
        String host = settings.get().host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
