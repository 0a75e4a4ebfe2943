package io.spock.metadata.enrich;

import io.spock.metadata.app.Messages;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.market.Region;
import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.source.ClassificationSource;
import io.spock.metadata.source.Decision;
import io.spock.metadata.store.RunState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One region of a run: its attempts (a transient failure is retried, skipping what earlier attempts committed),
 * and in each attempt the chain of sources. Local sources answer every due ticker; what their answers settle is
 * committed before any per-ticker source is asked, so that an interruption while waiting on Yahoo keeps it. The
 * rest goes to the per-ticker sources ({@link PerTickerAsking}).
 */
final class RegionEnrichment {

    private static final Logger log = LoggerFactory.getLogger(RegionEnrichment.class);

    private final Pipeline pipeline;
    private final Region region;
    private final EnrichRequest request;
    private final Integer runId;
    private final ProgressListener progress;
    private final List<Outcome> changes;
    private final RegionTally tally;
    private final StoreOutage outage;
    private final Runnable leaseCheck;

    /**
     * @param outage     shared by the run's regions: once the store stops accepting writes, every region stops
     * @param leaseCheck throws {@link LeaseLost} once another run has taken the region over; checked per ticker
     */
    RegionEnrichment(Pipeline pipeline, Region region, EnrichRequest request, Integer runId,
                     ProgressListener progress, List<Outcome> changes, StoreOutage outage, Runnable leaseCheck) {
        this.pipeline = pipeline;
        this.outage = outage;
        this.region = region;
        this.request = request;
        this.runId = runId;
        this.progress = progress;
        this.changes = changes;
        this.tally = new RegionTally(region.name(), pipeline.chain().policy().order());
        this.leaseCheck = leaseCheck;
    }

    /** Enriches the region, retrying transient failures, and records its result. */
    RegionSummary run() {
        long started = System.nanoTime();
        Ending ending = attempts();
        RegionSummary summary = tally.summary(ending.status(), Duration.ofNanos(System.nanoTime() - started),
                ending.error());
        if (runId != null) {
            whileNotInterrupted(() -> record(summary));
        }
        log.info("Region {} {}: {} tickers, {} enriched ({}), {} not applicable, {} not found, {} failed, "
                        + "{} deferred, {} disagreements, {} Yahoo calls, {} region retries, {} s", region,
                summary.status().name().toLowerCase(), summary.total(), summary.enriched(), summary.bySourceText(),
                summary.notApplicable(), summary.notFound(), summary.failed(), summary.deferred(),
                summary.disagreements(), summary.yahooCalls(), summary.regionRetries(),
                summary.duration().toMillis() / 1000.0);
        progress.regionFinished(summary);
        return summary;
    }

    private record Ending(RunState status, String error) {
    }

    private Ending attempts() {
        for (int retry = 1; ; retry++) {
            try {
                return attempt() ? new Ending(RunState.INTERRUPTED, "interrupted") : new Ending(RunState.COMPLETED,
                        null);
            } catch (Batcher.Stopped e) {
                return new Ending(RunState.INTERRUPTED, "interrupted");
            } catch (StoreOutage.Down e) {
                log.error("Region {} {}", region, e.getMessage());
                return new Ending(RunState.FAILED, e.getMessage());
            } catch (LeaseLost e) {
                log.error("Region {} stopped: {}", region, e.getMessage());
                return new Ending(RunState.FAILED, e.getMessage());
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return new Ending(RunState.INTERRUPTED, "interrupted");
                }
                String error = oneLine(e);
                if (outage.record(e, error) || e instanceof SpockException || retry > request.retry().maxRetries()) {
                    log.error("Region {} failed: {}", region, error, e);
                    return new Ending(RunState.FAILED, error);
                }
                Duration delay = request.retry().delayBefore(retry, ThreadLocalRandom.current()::nextDouble);
                log.warn("Region {} failed ({}); retry {} of {} in {} ms", region, error, retry,
                        request.retry().maxRetries(), delay.toMillis());
                log.debug("Region {} failure", region, e);
                tally.regionRetried();
                progress.regionRetrying(region.name(), retry, delay, error);
                try {
                    pipeline.sleeper().sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new Ending(RunState.INTERRUPTED, "interrupted");
                }
            }
        }
    }

    /** One try at the region; returns true when interrupted. */
    private boolean attempt() {
        outage.check();
        LocalDateTime now = LocalDateTime.now(pipeline.clock());
        List<Candidate> due = pipeline.candidates().select(region, request.mode(),
                now.minusDays(request.maxAgeDays()), request.tickers(), request.includeManual());
        due = due.stream().filter(c -> !tally.done(c.ticker())).toList();
        tally.due(due.size());
        progress.regionStarted(region.name(), tally.due());
        RegionDecisions decisions = new RegionDecisions(pipeline, pipeline.view(region, request.mode()),
                pipeline.evidence().byTicker(region,
                        pipeline.chain().perTicker().stream().map(ClassificationSource::id).toList()));
        for (ClassificationSource source : pipeline.chain().all()) {
            source.prepare(region, due);
        }
        Batcher.Writes writes = (batch, at) -> pipeline.writer().write(batch, runId, at, request.includeManual());
        try (Batcher batcher = new Batcher(writes, request, progress, region.name(), tally, changes,
                pipeline.clock(), leaseCheck)) {
            List<PerTickerAsking.Pending> pending = new ArrayList<>();
            boolean perTicker = !pipeline.chain().perTicker().isEmpty();
            for (Candidate candidate : due) {
                List<Answer> answers = decisions.localAnswers(candidate);
                Decision decision = decisions.decide(answers);
                if (decision.settled() || !perTicker) {
                    batcher.accept(decisions.decided(candidate, decision, Optional.empty()));
                } else {
                    pending.add(new PerTickerAsking.Pending(candidate, answers));
                }
            }
            log.debug("Region {}: {} due, {} for per-ticker sources", region, due.size(), pending.size());
            batcher.finish();
            progress.askingYahoo(region.name(), pending.size());
            if (new PerTickerAsking(pipeline, request, tally, outage, decisions).ask(pending, batcher)) {
                return true;
            }
            batcher.finish();
            return false;
        }
    }

    private void record(RegionSummary summary) {
        try {
            pipeline.runs().region(runId, summary);
        } catch (RuntimeException e) {
            log.error("Cannot record region {} of run {}: {}", summary.region(), runId, oneLine(e), e);
        }
    }

    /** Runs database bookkeeping with the interrupt flag cleared, so that a stopping region can still record. */
    static void whileNotInterrupted(Runnable bookkeeping) {
        boolean interrupted = Thread.interrupted();
        try {
            bookkeeping.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The failure on one line: its message, and the root cause's when that says more (jOOQ wraps SQL errors). */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Messages.of(e);
        return root == e || message.contains(Messages.of(root)) ? message : message + ": " + Messages.of(root);
    }
}
