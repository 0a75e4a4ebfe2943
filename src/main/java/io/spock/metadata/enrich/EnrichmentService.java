package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.yahoo.ProfileResult;
import io.spock.metadata.yahoo.YahooProfileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The enrichment pipeline behind {@code enrich}, in the shell and in batch mode alike: picks the due tickers
 * of each region, answers from the KIS map where it can, asks Yahoo for the rest with bounded concurrency, and
 * writes the outcomes in batches of {@value #BATCH} per transaction.
 */
public final class EnrichmentService {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(EnrichmentService.class);

    private final CandidateQuery candidates;
    private final OutcomeWriter writer;
    private final RunLog runs;
    private final Classifier classifier;
    private final YahooProfileService yahoo;
    private final ExecutorService yahooPool;
    private final Clock clock;

    /** @param yahooPool the threads that wait on Yahoo; its size bounds the requests in flight for all regions */
    public EnrichmentService(CandidateQuery candidates, OutcomeWriter writer, RunLog runs, Classifier classifier,
                             YahooProfileService yahoo, ExecutorService yahooPool, Clock clock) {
        this.candidates = candidates;
        this.writer = writer;
        this.runs = runs;
        this.classifier = classifier;
        this.yahoo = yahoo;
        this.yahooPool = yahooPool;
        this.clock = clock;
    }

    public EnrichReport run(EnrichRequest request, ProgressListener progress) {
        long started = System.nanoTime();
        Integer runId = request.dryRun() ? null : runs.start(request.regionList(), request.mode());
        List<RegionSummary> summaries = new ArrayList<>();
        List<Outcome> changes = new ArrayList<>();
        for (Region region : request.regions().stream().sorted().toList()) {
            RegionSummary summary = enrichRegion(region, request, runId, progress, changes);
            summaries.add(summary);
            if (runId != null) {
                runs.region(runId, summary);
            }
            if ("INTERRUPTED".equals(summary.status())) {
                break;
            }
        }
        String status = summaries.stream().anyMatch(s -> "INTERRUPTED".equals(s.status())) ? "INTERRUPTED"
                : "COMPLETED";
        if (runId != null) {
            runs.finish(runId, status);
        }
        return new EnrichReport(runId, status, summaries, request.mode() == EnrichMode.TICKERS ? changes : List.of(),
                Duration.ofNanos(System.nanoTime() - started), request.dryRun());
    }

    private RegionSummary enrichRegion(Region region, EnrichRequest request, Integer runId,
                                       ProgressListener progress, List<Outcome> changes) {
        long started = System.nanoTime();
        RegionTally tally = new RegionTally(region.name());
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            List<Candidate> due = candidates.select(region, request.mode(), now.minusDays(request.maxAgeDays()),
                    request.tickers(), request.includeManual());
            progress.regionStarted(region.name(), due.size());
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
            boolean interrupted = askYahoo(forYahoo, batcher, tally);
            batcher.flush();
            progress.regionFinished(region.name());
            return tally.summary(interrupted ? "INTERRUPTED" : "COMPLETED", elapsed(started), null);
        } catch (RuntimeException e) {
            log.error("Region {} failed: {}", region, e.getMessage(), e);
            return tally.summary("FAILED", elapsed(started), e.getMessage());
        }
    }

    /** Asks Yahoo for every candidate through the shared pool; returns true when interrupted. */
    private boolean askYahoo(List<Candidate> forYahoo, Batcher batcher, RegionTally tally) {
        if (forYahoo.isEmpty()) {
            return false;
        }
        CompletionService<Outcome> completion = new ExecutorCompletionService<>(yahooPool);
        List<Future<Outcome>> pending = new ArrayList<>(forYahoo.size());
        for (Candidate candidate : forYahoo) {
            pending.add(completion.submit(() -> {
                ProfileResult answer = yahoo.lookup(candidate.yahooSymbol());
                tally.yahooCalls.addAndGet(answer.attempts());
                tally.retries.addAndGet(Math.max(0, answer.attempts() - 1));
                return classifier.withYahoo(candidate, answer);
            }));
        }
        try {
            for (int i = 0; i < forYahoo.size(); i++) {
                batcher.accept(completion.take().get());
            }
            return false;
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            throw new IllegalStateException("Yahoo lookup failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
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
            buffer.add(outcome);
            if (buffer.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (buffer.isEmpty()) {
                return;
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

    /** Running counts for one region; only committed (or, in a dry run, computed) outcomes count. */
    private static final class RegionTally {
        private final String region;
        private int total;
        private int enriched;
        private int fromKis;
        private int fromYahoo;
        private int notApplicable;
        private int failed;
        private int deferred;
        private final AtomicInteger retries = new AtomicInteger();
        private final AtomicInteger yahooCalls = new AtomicInteger();

        RegionTally(String region) {
            this.region = region;
        }

        void add(Outcome o) {
            total++;
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
        }

        RegionSummary summary(String status, Duration duration, String error) {
            return new RegionSummary(region, status, total, enriched, fromKis, fromYahoo, notApplicable, failed,
                    deferred, retries.get(), yahooCalls.get(), duration, error);
        }
    }
}
