package io.spock.metadata.shell;

import io.spock.metadata.metrics.MetricsProperties;
import io.spock.metadata.metrics.MetricsServer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code metrics start|stop|status}: the Prometheus endpoint of an interactive session. */
@Command(command = "metrics", group = CommandGroups.MONITORING)
public class MetricsCommand {

    private final MetricsServer server;
    private final ObjectProvider<MetricsProperties> properties;

    public MetricsCommand(MetricsServer server, ObjectProvider<MetricsProperties> properties) {
        this.server = server;
        this.properties = properties;
    }

    @Command(command = "start", description = "Serve Prometheus metrics over HTTP until 'metrics stop'.")
    public String start(@Option(longNames = "port", description = "port (default spock.metrics.port, 9464; 0 = any free)")
                        @Min(0) @Max(65535) Integer port) {
        int serving = server.start(port == null ? properties.getObject().port() : port);
        return "serving metrics on " + url(serving);
    }

    @Command(command = "stop", description = "Stop serving Prometheus metrics.")
    public String stop() {
        return server.stop() ? "metrics endpoint stopped" : "metrics endpoint was not running";
    }

    @Command(command = "status", description = "Whether Prometheus metrics are served, and where.")
    public String status() {
        return server.port().map(port -> "serving metrics on " + url(port)).orElse("metrics endpoint not running");
    }

    private String url(int port) {
        return "http://" + server.address(port) + "/metrics";
    }
}
