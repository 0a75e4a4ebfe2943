package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;
import io.spock.metadata.source.Answer;
import io.spock.metadata.source.ClassificationSource;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.RunningRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The enrichment pipeline behind {@code enrich}, in the shell and in batch mode alike: a run over regions. Each
 * region ({@link RegionEnrichment}) picks its due tickers, asks the chain of sources that {@code config/sources.json}
 * enables, and writes the outcomes in batches of {@value Batcher#SIZE} per transaction.
 *
 * <p>Regions run on their own worker threads, one at a time or several at once ({@link EnrichRequest#parallel()});
 * all of them share the one pool of per-ticker lookups and the one Yahoo rate limit, so parallel regions never ask
 * Yahoo faster. A region that still fails after its retries leaves the others running. Interrupting the thread that
 * called {@link #run} stops every region after its last committed batch and records the run as INTERRUPTED.
 *
 * <p>Built by {@link PipelineFactory}.
 */
public final class EnrichmentService {

    /** How long an interrupted run waits for its regions to stop after their current batch. */
    private static final long STOP_GRACE_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(EnrichmentService.class);

    private final Pipeline pipeline;

    EnrichmentService(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Runs enrichment; returns when every region has finished, failed or stopped.
     *
     * @param progress told as regions start, advance, retry and finish (from the regions' threads)
     */
    public EnrichReport run(EnrichRequest request, ProgressListener progress) {
        Instant startedAt = pipeline.clock().instant();
        long started = System.nanoTime();
        if (!request.dryRun()) {
            abandonStaleRuns();
        }
        Integer runId = request.dryRun() ? null : pipeline.runs().start(request.regionList(), request.mode());
        List<Region> regions = request.regions().stream().sorted().toList();
        log.info("Enrichment run {} started: regions {}, {}, {} at once", runId == null ? "(dry)" : runId,
                request.regionList(), request.mode(), request.workers());
        List<Outcome> changes = new ArrayList<>();
        Set<Region> begun = ConcurrentHashMap.newKeySet();
        StoreOutage outage = new StoreOutage();
        Map<Region, Future<RegionSummary>> running = new EnumMap<>(Region.class);
        RunState status;
        List<RegionSummary> summaries = new ArrayList<>();
        boolean interrupted;
        try (RunLeases leases = runId == null ? null
                : RunLeases.start(pipeline.sharing(), runId, pipeline.clock(), pipeline.sleeper())) {
            ExecutorService workers = Executors.newFixedThreadPool(request.workers(), EnrichmentService::regionThread);
            for (Region region : regions) {
                running.put(region, workers.submit(() -> {
                    begun.add(region);
                    Thread.currentThread().setName("enrich-" + region);
                    return region(region, request, runId, leases, progress, changes, outage);
                }));
            }
            workers.shutdown();
            interrupted = awaitRegions(workers);
            for (Region region : regions) {
                summaries.add(finished(running.get(region)).orElseGet(() -> {
                    RegionSummary never = notStarted(region);
                    if (runId != null && !begun.contains(region)) {
                        pipeline.runs().region(runId, never);
                    }
                    return never;
                }));
            }
            status = leases != null && leases.abandoned() ? RunState.ABANDONED
                    : interrupted || summaries.stream().anyMatch(s -> s.status() == RunState.INTERRUPTED)
                    ? RunState.INTERRUPTED
                    : summaries.stream().anyMatch(s -> s.status() == RunState.FAILED) ? RunState.FAILED
                    : RunState.COMPLETED;
        }
        if (runId != null) {
            pipeline.runs().finish(runId, status);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        log.info("Enrichment run {} {} in {} s", runId == null ? "(dry)" : runId, status.name().toLowerCase(),
                duration.toMillis() / 1000.0);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new EnrichReport(runId, status, request.mode(), summaries,
                request.mode() == EnrichMode.TICKERS ? changes : List.of(), startedAt, duration, request.workers(),
                request.dryRun());
    }

    /**
     * One region on its worker thread: with the region's lease when the run takes leases, else skipped (another run
     * holds it) or not started (stopped while waiting for it).
     */
    private RegionSummary region(Region region, EnrichRequest request, Integer runId, RunLeases leases,
                                 ProgressListener progress, List<Outcome> changes, StoreOutage outage) {
        if (leases == null || !request.leasesRegions()) {
            return new RegionEnrichment(pipeline, region, request, runId, progress, changes, outage, () -> { }).run();
        }
        Optional<String> holder;
        try {
            outage.check();
            holder = leases.take(region, request.leaseWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RegionSummary never = notStarted(region);
            record(runId, never);
            return never;
        } catch (StoreOutage.Down e) {
            log.error("Region {} {}", region, e.getMessage());
            return unstarted(region, runId, e.getMessage());
        } catch (RuntimeException e) {
            String reason = RegionEnrichment.oneLine(e);
            String error = outage.record(e, reason) ? StoreOutage.stopped(reason)
                    : "cannot take the lease of " + region + ": " + reason;
            log.error("Region {} failed: {}", region, error, e);
            return unstarted(region, runId, error);
        }
        if (holder.isPresent()) {
            log.warn("{}: skipped", holder.get());
            return RegionSummary.skipped(region.name(), pipeline.chain().policy().order(), holder.get());
        }
        try {
            return new RegionEnrichment(pipeline, region, request, runId, progress, changes, outage,
                    () -> leases.check(region)).run();
        } finally {
            leases.release(region);
        }
    }

    /** Marks runs that other processes left RUNNING and that gave no sign of life for the lease timeout. */
    private void abandonStaleRuns() {
        for (RunningRun run : pipeline.sharing().staleRuns().abandonStale()) {
            log.warn(run.abandonedLine());
        }
    }

    /** A region that failed before its work began (its lease could not be taken, or the store went away). */
    private RegionSummary unstarted(Region region, Integer runId, String error) {
        RegionSummary failed = RegionSummary.unstarted(region.name(), pipeline.chain().policy().order(),
                RunState.FAILED, error);
        record(runId, failed);
        return failed;
    }

    /** Records a region's result; a store that cannot take it is logged, not thrown (the run still ends). */
    private void record(Integer runId, RegionSummary summary) {
        try {
            RegionEnrichment.whileNotInterrupted(() -> pipeline.runs().region(runId, summary));
        } catch (RuntimeException e) {
            log.error("Cannot record region {} of run {}: {}", summary.region(), runId, RegionEnrichment.oneLine(e),
                    e);
        }
    }

    private RegionSummary notStarted(Region region) {
        return RegionSummary.notStarted(region.name(), pipeline.chain().policy().order());
    }

    /**
     * Asks every enabled source about one ticker now, per-ticker sources included (past their caches), and decides
     * as a run would; writes nothing ({@code inspect-ticker --live}).
     *
     * @return empty when the store has no such ticker
     */
    public Optional<Outcome> askNow(Region region, String ticker) {
        return pipeline.candidates().find(region.name(), ticker).map(candidate -> {
            RegionClassifications view = pipeline.view(region, EnrichMode.FORCE_REFRESH);
            List<Answer> answers = new ArrayList<>();
            Answer last = null;
            for (ClassificationSource source : pipeline.chain().all()) {
                source.prepare(region, List.of(candidate));
                Answer answer = source.answer(candidate, view);
                answers.add(answer);
                if (source.perTicker()) {
                    last = answer;
                }
            }
            return pipeline.resolver().resolve(candidate, pipeline.resolver().decide(answers),
                    Optional.ofNullable(last), List.of(), view.classification(candidate.ticker()));
        });
    }

    private static Thread regionThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "enrich-region");
        thread.setDaemon(true);
        return thread;
    }

    /** Waits for every region; on interruption stops them and waits for them to record where they stopped. */
    private static boolean awaitRegions(ExecutorService workers) {
        try {
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            return false;
        } catch (InterruptedException e) {
            log.warn("Enrichment interrupted: stopping after the batches in progress");
            workers.shutdownNow();
            try {
                if (!workers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("Some regions did not stop within {} s", STOP_GRACE_SECONDS);
                }
            } catch (InterruptedException again) {
                log.warn("Interrupted again: not waiting for the regions to stop");
            }
            return true;
        }
    }

    private static Optional<RegionSummary> finished(Future<RegionSummary> future) {
        if (!future.isDone() || future.isCancelled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(future.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("region worker failed: " + e.getCause(), e.getCause());
        }
    }
}
