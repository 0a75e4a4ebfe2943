package io.spock.metadata.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.store.RunState;

import java.time.Clock;

/**
 * How the last enrichment run went, for alerts such as "no successful run for 26 h" (Prometheus's advice for batch
 * jobs): {@code spock_enrichment_last_run_status{status}} is 1 for the last run's status and 0 for the others, and
 * {@code spock_enrichment_last_success_timestamp_seconds} the time the last COMPLETED run ended. A run that
 * completed with deferred or failed tickers (exit status 3) is a success here; FAILED, INTERRUPTED and ABANDONED runs
 * are not.
 */
public final class LastRunMetrics {

    private final PrometheusRegistry registry;
    private final Clock clock;
    private final Gauge lastRunStatus;
    private Gauge lastSuccess;

    public LastRunMetrics(PrometheusRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        lastRunStatus = Gauge.builder().name("spock_enrichment_last_run_status")
                .help("1 for the status of the last enrichment run (RUNNING while one runs), 0 for the others")
                .labelNames("status").register(registry);
    }

    /** A run begins: its status is RUNNING. */
    public void started() {
        status(RunState.RUNNING);
    }

    /** A run ended with {@code status}; a COMPLETED one sets the last success to now (seconds since the epoch). */
    public synchronized void finished(RunState status) {
        status(status);
        if (status == RunState.COMPLETED) {
            // registered at the first success only: until then the series is absent, not 0, so that a push of a
            // failed run does not overwrite the last success the Pushgateway holds
            if (lastSuccess == null) {
                lastSuccess = Gauge.builder().name("spock_enrichment_last_success_timestamp_seconds")
                        .help("When the last COMPLETED enrichment run ended, in seconds since the epoch")
                        .register(registry);
            }
            lastSuccess.set(clock.millis() / 1000.0);
        }
    }

    /** Whether this process has seen a run complete, so that its metrics carry the last success. */
    public synchronized boolean succeeded() {
        return lastSuccess != null;
    }

    private void status(RunState current) {
        for (RunState state : RunState.ofRuns()) {
            lastRunStatus.labelValues(state.name()).set(state == current ? 1 : 0);
        }
    }
}
