package io.spock.metadata.metrics;

import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.Optional;

/**
 * One enrichment run's metrics: counted into the registry as the run goes (it is the run's metrics listener), and
 * published at the end of each region and at the end of the run: pushed to the Pushgateway and written to the
 * textfile, when the run was asked to. Publishing never changes the run's result: a Pushgateway that cannot be
 * reached, or a textfile that cannot be written, is one warning line, and after a failed push only the run's final
 * push is tried again.
 *
 * <p>Pushes replace the whole group (PUT) once the registry holds a last success; until then (a failed or
 * interrupted first run, and the regions before it ends) they replace only the metrics pushed (POST), so that the
 * Pushgateway keeps the last success of an earlier run.
 */
public final class RunPublication implements ProgressListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunPublication.class);

    private final EnrichmentMetrics enrichment;
    private final LastRunMetrics lastRun;
    private final CoverageMetrics coverage;
    private final PushgatewayExporter exporter;
    private final MetricsTextfile textfile;
    private final BooleanSupplier served;
    private boolean pushFailed;
    private boolean writeFailed;
    private boolean finished;

    /** @param served whether the metrics endpoint is serving now (then the coverage figures are read too) */
    RunPublication(EnrichmentMetrics enrichment, LastRunMetrics lastRun, CoverageMetrics coverage,
                   PushgatewayExporter exporter, MetricsTextfile textfile, BooleanSupplier served) {
        this.enrichment = enrichment;
        this.lastRun = lastRun;
        this.coverage = coverage;
        this.exporter = exporter;
        this.textfile = textfile;
        this.served = served;
    }

    /** A dry run's: counts nothing, publishes nothing. */
    static RunPublication dryRun() {
        RunPublication none = new RunPublication(null, null, null, null, null, () -> false);
        none.finished = true;
        return none;
    }

    private boolean counting() {
        return enrichment != null;
    }

    @Override
    public void regionStarted(String region, int total) {
        if (counting()) {
            enrichment.regionStarted(region, total);
        }
    }

    @Override
    public void advanced(String region, int done) {
        if (counting()) {
            enrichment.advanced(region, done);
        }
    }

    @Override
    public void batchCommitted(String region, Map<Source, Integer> classifiedBySource) {
        if (counting()) {
            enrichment.batchCommitted(region, classifiedBySource);
        }
    }

    @Override
    public void regionRetrying(String region, int retry, Duration delay, String reason) {
        if (counting()) {
            enrichment.regionRetrying(region, retry, delay, reason);
        }
    }

    @Override
    public void regionFinished(RegionSummary summary) {
        if (counting()) {
            enrichment.regionFinished(summary);
            publish(false);
        }
    }

    /** The run ended with {@code status}: its last figures are published. Call with the thread not interrupted. */
    public synchronized void finished(RunState status) {
        if (finished) {
            return;
        }
        finished = true;
        lastRun.finished(status);
        publish(true);
    }

    /** Ends the publication; a run that never reported its end (it threw) is recorded FAILED. */
    @Override
    public synchronized void close() {
        finished(RunState.FAILED);
        if (exporter != null) {
            exporter.close();
        }
    }

    private synchronized void publish(boolean last) {
        if (!last && Thread.currentThread().isInterrupted()) {
            return; // a stopping region: the run's final publication carries its figures
        }
        if (textfile != null || exporter != null || served.getAsBoolean()) {
            coverage.refresh(); // reads the whole store: only when someone will see the figures
        }
        if (textfile != null) {
            write();
        }
        if (exporter != null && (last || !pushFailed)) {
            push(last);
        }
    }

    private void write() {
        try {
            textfile.write();
        } catch (IOException | RuntimeException e) {
            if (!writeFailed) {
                log.warn("Cannot write the metrics textfile {}: {}; the run goes on", textfile.file(), e.getMessage());
            }
            writeFailed = true;
        }
    }

    private void push(boolean last) {
        Optional<String> failure = exporter.push(lastRun.succeeded());
        if (failure.isPresent()) {
            if (!pushFailed) {
                log.warn("Cannot push metrics to the Pushgateway at {}: {}; the run goes on without it",
                        exporter.url(), failure.get());
            } else {
                log.debug("Push to the Pushgateway at {} failed again: {}", exporter.url(), failure.get());
            }
            pushFailed = true;
        } else if (last) {
            log.info("Pushed the run's metrics to the Pushgateway at {} (job {})", exporter.url(),
                    PushgatewayExporter.JOB);
        }
    }
}
