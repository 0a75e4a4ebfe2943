package io.spock.metadata.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the metrics under {@code spock.metrics.*}.
 *
 * @param host        the address the endpoint binds to; loopback unless set otherwise
 * @param port        the port {@code metrics start} uses when none is given
 * @param pushgateway the Pushgateway every {@code enrich} run pushes to ({@code SPOCK_PUSHGATEWAY_URL}); blank for
 *                    none
 * @param instance    the {@code instance} grouping key of the pushes; blank for this machine's host name
 * @param pushTimeout how long a push may take before the run goes on without it
 */
@ConfigurationProperties("spock.metrics")
public record MetricsProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("9464") int port,
                                String pushgateway, String instance, @DefaultValue("10s") Duration pushTimeout) {

    public MetricsProperties {
        pushgateway = pushgateway == null ? "" : pushgateway;
        instance = instance == null ? "" : instance;
    }
}
