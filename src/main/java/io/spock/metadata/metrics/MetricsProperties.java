package io.spock.metadata.metrics;

import io.spock.metadata.app.InvalidSettingException;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Prometheus endpoint under {@code spock.metrics.*}, bound when the endpoint starts (a bad one stops
 * only the commands that serve metrics).
 *
 * @param host the address the endpoint binds to; loopback unless set otherwise
 * @param port the port {@code metrics start} uses when none is given
 */
public record MetricsProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("9464") int port) {

    public static final String PREFIX = "spock.metrics";

    public MetricsProperties {
        InvalidSettingException.check(host != null && !host.isBlank() && !host.contains("/"), PREFIX + ".host", host,
                "a host name or address such as 127.0.0.1");
        InvalidSettingException.check(port >= 0 && port <= 65535, PREFIX + ".port", port, "a port from 0 to 65535");
    }
}
