package io.spock.metadata.metrics;

import io.spock.metadata.app.InvalidSettingException;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the metrics under {@code spock.metrics.*}, bound on first use (a bad one stops only the commands that
 * serve or push metrics).
 *
 * @param host        the address the endpoint binds to; loopback unless set otherwise
 * @param port        the port {@code metrics start} uses when none is given
 * @param pushgateway the Pushgateway every {@code enrich} run pushes to ({@code SPOCK_PUSHGATEWAY_URL}); blank for
 *                    none
 * @param instance    the {@code instance} grouping key of the pushes; blank for this machine's host name
 * @param pushTimeout how long a push may take before the run goes on without it
 * @throws InvalidSettingException when the host is blank or holds a path, the port is outside 0–65535 or the push
 *                                 timeout is not positive
 */
public record MetricsProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("9464") int port,
                                String pushgateway, String instance, @DefaultValue("10s") Duration pushTimeout) {

    public static final String PREFIX = "spock.metrics";

    public MetricsProperties {
        InvalidSettingException.check(host != null && !host.isBlank() && !host.contains("/"), PREFIX + ".host", host,
                "a host name or address such as 127.0.0.1");
        InvalidSettingException.check(port >= 0 && port <= 65535, PREFIX + ".port", port, "a port from 0 to 65535");
        InvalidSettingException.check(pushTimeout != null && !pushTimeout.isNegative() && !pushTimeout.isZero(), PREFIX + ".push-timeout",
                pushTimeout, "a positive duration such as 10s");
        pushgateway = pushgateway == null ? "" : pushgateway;
        instance = instance == null ? "" : instance;
    }

    /** The endpoint's settings alone, as the stand-alone endpoint builds them (a factory: binding needs one constructor). */
    public static MetricsProperties endpoint(String host, int port) {
        return new MetricsProperties(host, port, "", "", Duration.ofSeconds(10));
    }
}
