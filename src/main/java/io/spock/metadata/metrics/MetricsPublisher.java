package io.spock.metadata.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.store.RunOwner;

import java.util.function.Supplier;

/**
 * Where {@code enrich} hands its metrics options: each run gets a {@link RunPublication} that counts the run into
 * the registry and, when asked, pushes it to a Pushgateway and writes it to a textfile.
 */
public final class MetricsPublisher {

    static final String PUSHGATEWAY_OPTION = "--pushgateway";
    static final String PUSHGATEWAY_SETTING = "spock.metrics.pushgateway (SPOCK_PUSHGATEWAY_URL)";
    static final String TEXTFILE_OPTION = "--metrics-textfile";

    private final PrometheusRegistry registry;
    private final EnrichmentMetrics enrichment;
    private final LastRunMetrics lastRun;
    private final CoverageMetrics coverage;
    private final Supplier<MetricsProperties> properties;
    private final MetricsServer server;

    /**
     * @param properties the settings, bound when a run first needs them (a bad one fails that run, not the start-up)
     * @param server     the endpoint; while it serves, the store's coverage figures are kept fresh for scrapes too
     */
    public MetricsPublisher(PrometheusRegistry registry, EnrichmentMetrics enrichment, LastRunMetrics lastRun,
                            CoverageMetrics coverage, Supplier<MetricsProperties> properties, MetricsServer server) {
        this.registry = registry;
        this.enrichment = enrichment;
        this.lastRun = lastRun;
        this.coverage = coverage;
        this.properties = properties;
        this.server = server;
    }

    /**
     * Begins a run's metrics (its status becomes RUNNING) after checking the options.
     *
     * @param pushgateway {@code --pushgateway URL}, or null for the setting {@code spock.metrics.pushgateway}
     *                    (blank: no push)
     * @param textfile    {@code --metrics-textfile PATH}, or null for none
     * @param dryRun      a dry run counts and publishes nothing: it refuses both options, and ignores the setting
     * @throws UsageException when an option or the setting is invalid, or an option is given with a dry run
     */
    public RunPublication begin(String pushgateway, String textfile, boolean dryRun) {
        if (dryRun) {
            if (pushgateway != null || textfile != null) {
                throw new UsageException((pushgateway != null ? PUSHGATEWAY_OPTION : TEXTFILE_OPTION)
                        + ": a dry run publishes no metrics");
            }
            return RunPublication.dryRun();
        }
        MetricsTextfile file = textfile == null ? null : MetricsTextfile.at(textfile, registry);
        PushgatewayExporter exporter = null;
        MetricsProperties settings = properties.get();
        if (pushgateway != null || !settings.pushgateway().isBlank()) {
            exporter = PushgatewayExporter.to(pushgateway != null ? pushgateway : settings.pushgateway(),
                    pushgateway != null ? PUSHGATEWAY_OPTION : PUSHGATEWAY_SETTING, registry, instance(settings),
                    settings.pushTimeout());
        }
        lastRun.started();
        return new RunPublication(enrichment, lastRun, coverage, exporter, file, () -> server.port().isPresent());
    }

    /** The {@code instance} grouping key: the setting, else this machine's host name. */
    static String instance(MetricsProperties settings) {
        if (!settings.instance().isBlank()) {
            return settings.instance().strip();
        }
        return RunOwner.hostName();
    }
}
