package io.spock.metadata.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.store.ReviewQuery;
import io.spock.metadata.store.StatusQuery;
import io.spock.metadata.yahoo.YahooRequestListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The metrics registry of this process (its own, not the client's global one) with the enrichment, last-run and
 * coverage series; the endpoint that serves it; the publisher {@code enrich} hands its runs to; and the Yahoo series
 * (the pipeline finds them as its {@link YahooRequestListener}).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    public PrometheusRegistry prometheusRegistry() {
        return new PrometheusRegistry();
    }

    @Bean
    public EnrichmentMetrics enrichmentMetrics(PrometheusRegistry registry) {
        return new EnrichmentMetrics(registry);
    }

    @Bean
    public MetricsPublisher metricsPublisher(PrometheusRegistry registry, EnrichmentMetrics enrichment,
                                             StatusQuery status, ReviewQuery review, Clock clock,
                                             MetricsProperties properties, MetricsServer server) {
        return new MetricsPublisher(registry, enrichment, new LastRunMetrics(registry, clock),
                new CoverageMetrics(registry, status, review, clock), properties, server);
    }

    /** Counts Yahoo requests by outcome and follows the circuit breaker. */
    @Bean
    public YahooRequestListener yahooMetrics(PrometheusRegistry registry) {
        return new YahooMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    public MetricsServer metricsServer(PrometheusRegistry registry, MetricsProperties properties) {
        return new MetricsServer(registry, properties.host());
    }
}
