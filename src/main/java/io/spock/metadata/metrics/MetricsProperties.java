package io.spock.metadata.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Prometheus endpoint under {@code spock.metrics.*}.
 *
 * @param host the address the endpoint binds to; loopback unless set otherwise
 * @param port the port {@code metrics start} uses when none is given
 */
@ConfigurationProperties("spock.metrics")
public record MetricsProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("9464") int port) {
}
