package io.spock.metadata.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.ReviewQuery;
import io.spock.metadata.store.StatusQuery;

import java.time.Clock;
import java.time.Duration;

/** The metrics publisher as the application builds it, on a test store, registry and clock. */
final class TestMetrics {

    private TestMetrics() {
    }

    static MetricsPublisher publisher(PrometheusRegistry registry, Database db, Clock clock, String pushgateway,
                                      String instance, Duration pushTimeout) {
        return publisher(registry, db, clock, pushgateway, instance, pushTimeout,
                new MetricsServer(registry, "127.0.0.1"));
    }

    /** @param server the endpoint, started or not, as the run finds it */
    static MetricsPublisher publisher(PrometheusRegistry registry, Database db, Clock clock, String pushgateway,
                                      String instance, Duration pushTimeout, MetricsServer server) {
        return new MetricsPublisher(registry, new EnrichmentMetrics(registry), new LastRunMetrics(registry, clock),
                new CoverageMetrics(registry, new StatusQuery(db.dsl()), new ReviewQuery(db.dsl()), clock),
                new MetricsProperties("127.0.0.1", 9464, pushgateway, instance, pushTimeout), server);
    }

    static MetricsPublisher publisher(PrometheusRegistry registry, Database db, Clock clock) {
        return publisher(registry, db, clock, "", "test", Duration.ofSeconds(5));
    }
}
