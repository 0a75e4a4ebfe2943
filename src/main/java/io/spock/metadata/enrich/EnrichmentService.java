package io.spock.metadata.enrich;

import io.spock.metadata.app.Messages;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.yahoo.ProfileResult;
import io.spock.metadata.yahoo.YahooProfileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The enrichment pipeline behind {@code enrich}, in the shell and in batch mode alike: picks the due tickers
 * of each region, answers from the KIS map where it can, asks Yahoo for the rest with bounded concurrency, and
 * writes the outcomes in batches of {@value #BATCH} per transaction.
 *
 * <p>Regions run on their own worker threads, one at a time or several at once ({@link EnrichRequest#parallel()});
 * all of them share the one Yahoo pool and rate limit, so parallel regions never ask Yahoo faster. A region that
 * fails with a transient error is tried again (skipping what it already committed); a region that still fails
 * leaves the others running. Interrupting the thread that called {@link #run} stops every region after its
 * last committed batch and records the run as INTERRUPTED.
 */
public final class EnrichmentService {

    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";

    static final int BATCH = 100;
    /** How long an interrupted run waits for its regions to stop after their current batch. */
    private static final long STOP_GRACE_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(EnrichmentService.class);

    private final CandidateQuery candidates;
    private final OutcomeWriter writer;
    private final RunLog runs;
    private final Classifier classifier;
    private final YahooProfileService yahoo;
    private final ExecutorService yahooPool;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param yahooPool the threads that wait on Yahoo; its size bounds the requests in flight for all regions */
    public EnrichmentService(CandidateQuery candidates, OutcomeWriter writer, RunLog runs, Classifier classifier,
                             YahooProfileService yahoo, ExecutorService yahooPool, Clock clock) {
        this(candidates, writer, runs, classifier, yahoo, yahooPool, clock, Sleeper.SYSTEM);
    }

    /** @param sleeper waits between region retries */
    public EnrichmentService(CandidateQuery candidates, OutcomeWriter writer, RunLog runs, Classifier classifier,
                             YahooProfileService yahoo, ExecutorService yahooPool, Clock clock, Sleeper sleeper) {
        this.candidates = candidates;
        this.writer = writer;
        this.runs = runs;
        this.classifier = classifier;
        this.yahoo = yahoo;
        this.yahooPool = yahooPool;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public EnrichReport run(EnrichRequest request, ProgressListener progress) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        Integer runId = request.dryRun() ? null : runs.start(request.regionList(), request.mode());
        List<Region> regions = request.regions().stream().sorted().toList();
        log.info("Enrichment run {} started: regions {}, {}, {} at once", runId == null ? "(dry)" : runId,
                request.regionList(), request.mode(), request.workers());
        List<Outcome> changes = new ArrayList<>();
        Set<Region> begun = ConcurrentHashMap.newKeySet();
        Map<Region, Future<RegionSummary>> running = new EnumMap<>(Region.class);
        ExecutorService workers = Executors.newFixedThreadPool(request.workers(), EnrichmentService::regionThread);
        for (Region region : regions) {
            running.put(region, workers.submit(() -> {
                begun.add(region);
                Thread.currentThread().setName("enrich-" + region);
                return enrichRegion(region, request, runId, progress, changes);
            }));
        }
        workers.shutdown();
        boolean interrupted = awaitRegions(workers);

        List<RegionSummary> summaries = new ArrayList<>();
        for (Region region : regions) {
            summaries.add(finished(running.get(region)).orElseGet(() -> {
                RegionSummary never = RegionSummary.notStarted(region.name());
                if (runId != null && !begun.contains(region)) {
                    runs.region(runId, never);
                }
                return never;
            }));
        }
        String status = interrupted || summaries.stream().anyMatch(s -> INTERRUPTED.equals(s.status())) ? INTERRUPTED
                : summaries.stream().anyMatch(s -> FAILED.equals(s.status())) ? FAILED : COMPLETED;
        if (runId != null) {
            runs.finish(runId, status);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        log.info("Enrichment run {} {} in {} s", runId == null ? "(dry)" : runId, status.toLowerCase(),
                duration.toMillis() / 1000.0);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new EnrichReport(runId, status, request.mode(), summaries,
                request.mode() == EnrichMode.TICKERS ? changes : List.of(), startedAt, duration, request.workers(),
                request.dryRun());
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

    /** Enriches one region, retrying transient failures, and records its result. */
    private RegionSummary enrichRegion(Region region, EnrichRequest request, Integer runId,
                                       ProgressListener progress, List<Outcome> changes) {
        long started = System.nanoTime();
        RegionTally tally = new RegionTally(region.name());
        Ending ending = attempts(region, request, runId, progress, changes, tally);
        RegionSummary summary = tally.summary(ending.status(), elapsed(started), ending.error());
        if (runId != null) {
            whileNotInterrupted(() -> record(runId, summary));
        }
        log.info("Region {} {}: {} tickers, {} enriched ({} KIS, {} Yahoo), {} not applicable, {} failed, "
                        + "{} deferred, {} Yahoo calls, {} region retries, {} s", region, summary.status().toLowerCase(),
                summary.total(), summary.enriched(), summary.fromKis(), summary.fromYahoo(), summary.notApplicable(),
                summary.failed(), summary.deferred(), summary.yahooCalls(), summary.regionRetries(),
                summary.duration().toMillis() / 1000.0);
        progress.regionFinished(summary);
        return summary;
    }

    private record Ending(String status, String error) {
    }

    private Ending attempts(Region region, EnrichRequest request, Integer runId, ProgressListener progress,
                            List<Outcome> changes, RegionTally tally) {
        for (int retry = 1; ; retry++) {
            try {
                boolean interrupted = attempt(region, request, runId, progress, changes, tally);
                return interrupted ? new Ending(INTERRUPTED, "interrupted") : new Ending(COMPLETED, null);
            } catch (Stopped e) {
                return new Ending(INTERRUPTED, "interrupted");
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return new Ending(INTERRUPTED, "interrupted");
                }
                String error = oneLine(e);
                if (e instanceof SpockException || retry > request.retry().maxRetries()) {
                    log.error("Region {} failed: {}", region, error, e);
                    return new Ending(FAILED, error);
                }
                Duration delay = request.retry().delayBefore(retry, ThreadLocalRandom.current()::nextDouble);
                log.warn("Region {} failed ({}); retry {} of {} in {} ms", region, error, retry,
                        request.retry().maxRetries(), delay.toMillis());
                log.debug("Region {} failure", region, e);
                tally.regionRetries++;
                progress.regionRetrying(region.name(), retry, delay, error);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new Ending(INTERRUPTED, "interrupted");
                }
            }
        }
    }

    /**
     * One try at a region; returns true when interrupted. Tickers committed by an earlier try are skipped. The
     * KIS answers are committed before Yahoo is asked, so that an interruption while waiting on Yahoo keeps them.
     */
    private boolean attempt(Region region, EnrichRequest request, Integer runId, ProgressListener progress,
                            List<Outcome> changes, RegionTally tally) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Candidate> due = candidates.select(region, request.mode(), now.minusDays(request.maxAgeDays()),
                request.tickers(), request.includeManual());
        if (!tally.done.isEmpty()) {
            due = due.stream().filter(c -> !tally.done.contains(c.ticker())).toList();
        }
        tally.due = tally.total + due.size();
        progress.regionStarted(region.name(), tally.due);
        Batcher batcher = new Batcher(request, runId, progress, region.name(), tally, changes);
        List<Candidate> forYahoo = new ArrayList<>();
        for (Candidate candidate : due) {
            Optional<Outcome> kisAnswer = classifier.fromKisAlone(candidate);
            if (kisAnswer.isPresent()) {
                batcher.accept(kisAnswer.get());
            } else {
                forYahoo.add(candidate);
            }
        }
        log.debug("Region {}: {} due, {} for Yahoo", region, due.size(), forYahoo.size());
        batcher.flush();
        progress.askingYahoo(region.name(), forYahoo.size());
        if (askYahoo(forYahoo, batcher, tally)) {
            return true;
        }
        batcher.flush();
        return false;
    }

    /** Asks Yahoo for every candidate through the shared pool; returns true when interrupted. */
    private boolean askYahoo(List<Candidate> forYahoo, Batcher batcher, RegionTally tally) {
        if (forYahoo.isEmpty()) {
            return false;
        }
        CompletionService<Outcome> completion = new ExecutorCompletionService<>(yahooPool);
        List<Future<Outcome>> pending = new ArrayList<>(forYahoo.size());
        try {
            for (Candidate candidate : forYahoo) {
                pending.add(completion.submit(() -> lookUp(candidate, tally)));
            }
            for (int i = 0; i < forYahoo.size(); i++) {
                batcher.accept(completion.take().get());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Yahoo lookup failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    private Outcome lookUp(Candidate candidate, RegionTally tally) {
        ProfileResult answer = yahoo.lookup(candidate.yahooSymbol());
        tally.yahooCalls.addAndGet(answer.attempts());
        tally.retries.addAndGet(Math.max(0, answer.attempts() - 1));
        return classifier.withYahoo(candidate, answer);
    }

    private void record(int runId, RegionSummary summary) {
        try {
            runs.region(runId, summary);
        } catch (RuntimeException e) {
            log.error("Cannot record region {} of run {}: {}", summary.region(), runId, oneLine(e), e);
        }
    }

    /** Runs database bookkeeping with the interrupt flag cleared, so that a stopping region can still record. */
    private static void whileNotInterrupted(Runnable bookkeeping) {
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
    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Messages.of(e);
        return root == e || message.contains(Messages.of(root)) ? message : message + ": " + Messages.of(root);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Thrown out of a region when its thread is interrupted between batches: the buffer is not written. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("interrupted", null, false, false);
        }
    }

    /** Buffers outcomes and writes them a batch at a time. */
    private final class Batcher {
        private final EnrichRequest request;
        private final Integer runId;
        private final ProgressListener progress;
        private final String region;
        private final RegionTally tally;
        private final List<Outcome> changes;
        private final List<Outcome> buffer = new ArrayList<>(BATCH);

        Batcher(EnrichRequest request, Integer runId, ProgressListener progress, String region, RegionTally tally,
                List<Outcome> changes) {
            this.request = request;
            this.runId = runId;
            this.progress = progress;
            this.region = region;
            this.tally = tally;
            this.changes = changes;
        }

        void accept(Outcome outcome) {
            progress.answered(region);
            buffer.add(outcome);
            if (buffer.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new Stopped();
            }
            if (!request.dryRun()) {
                writer.write(buffer, runId, LocalDateTime.now(clock), request.includeManual());
            }
            buffer.forEach(tally::add);
            if (request.mode() == EnrichMode.TICKERS) {
                synchronized (changes) {
                    changes.addAll(buffer);
                }
            }
            progress.advanced(region, buffer.size());
            buffer.clear();
        }
    }

    /**
     * Running counts for one region, kept across its retries; only committed (or, in a dry run, computed)
     * outcomes count. Touched by the region's own thread, except the Yahoo counters.
     */
    private static final class RegionTally {
        private final String region;
        private final Set<String> done = new HashSet<>();
        private final List<TickerProblem> problems = new ArrayList<>();
        private int due;
        private int total;
        private int enriched;
        private int fromKis;
        private int fromYahoo;
        private int notApplicable;
        private int failed;
        private int deferred;
        private int regionRetries;
        private final AtomicInteger retries = new AtomicInteger();
        private final AtomicInteger yahooCalls = new AtomicInteger();

        RegionTally(String region) {
            this.region = region;
        }

        void add(Outcome o) {
            total++;
            done.add(o.candidate().ticker());
            switch (o.status()) {
                case CLASSIFIED -> {
                    enriched++;
                    if (o.source() == Source.KIS) {
                        fromKis++;
                    } else {
                        fromYahoo++;
                    }
                }
                case NOT_APPLICABLE -> notApplicable++;
                case DEFERRED -> deferred++;
                case FAILED, NOT_FOUND -> failed++;
                case PENDING -> throw new IllegalStateException("an outcome is never PENDING");
            }
            if (o.problem()) {
                problems.add(new TickerProblem(o.candidate().ticker(), o.status().name(), o.error()));
            }
        }

        RegionSummary summary(String status, Duration duration, String error) {
            return new RegionSummary(region, status, Math.max(due, total), enriched, fromKis, fromYahoo, notApplicable,
                    failed, deferred, retries.get(), regionRetries, yahooCalls.get(), duration, error, problems);
        }
    }
}
