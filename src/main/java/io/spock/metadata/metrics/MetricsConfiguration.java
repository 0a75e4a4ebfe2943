package io.spock.metadata.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics registry of this process (its own, not the client's global one) with the enrichment series, and
 * the endpoint that serves it. The Yahoo series are wired in {@code EnrichConfiguration}.
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

    @Bean(destroyMethod = "close")
    public MetricsServer metricsServer(PrometheusRegistry registry, MetricsProperties properties) {
        return new MetricsServer(registry, properties.host());
    }
}
