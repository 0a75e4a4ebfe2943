package io.spock.metadata.enrich;

import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Running counts for one region, kept across its retries; only committed (or, in a dry run, computed) outcomes
 * count, beside what was due (so that an interrupted region's total is what it had to do). Outcomes are added by
 * the region's own thread; the request counters by the threads that ask per-ticker sources.
 */
final class RegionTally {

    private final String region;
    private final Set<String> done = new HashSet<>();
    private final List<TickerProblem> problems = new ArrayList<>();
    private final Map<Source, Integer> bySource = new LinkedHashMap<>();
    private int due;
    private int total;
    private int enriched;
    private int notApplicable;
    private int notFound;
    private int failed;
    private int deferred;
    private int disagreements;
    private int regionRetries;
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    /** @param sources the enabled sources in policy order, so that every summary lists them in that order */
    RegionTally(String region, List<Source> sources) {
        this.region = region;
        sources.forEach(s -> bySource.put(s, 0));
    }

    void add(Outcome o) {
        total++;
        done.add(o.candidate().ticker());
        switch (o.status()) {
            case NOT_APPLICABLE -> notApplicable++;
            case DEFERRED -> deferred++;
            case NOT_FOUND -> notFound++;
            case FAILED -> failed++;
            case CLASSIFIED -> {
            }
            case PENDING -> throw new IllegalStateException("an outcome is never PENDING");
        }
        if (counted(o)) {
            enriched++;
            bySource.merge(o.source(), 1, Integer::sum);
        }
        if (o.disagreement()) {
            disagreements++;
        }
        if (o.problem()) {
            problems.add(new TickerProblem(o.candidate().ticker(), o.status().name(), o.error()));
        }
    }

    /** The outcomes that count as classified, per deciding source, as {@link #add} counts them. */
    static Map<Source, Integer> classifiedBySource(List<Outcome> outcomes) {
        Map<Source, Integer> counts = new LinkedHashMap<>();
        outcomes.stream().filter(RegionTally::counted).forEach(o -> counts.merge(o.source(), 1, Integer::sum));
        return counts;
    }

    private static boolean counted(Outcome o) {
        return o.status() == TickerStatus.CLASSIFIED;
    }

    /** Whether an earlier attempt of this region already committed the ticker. */
    boolean done(String ticker) {
        return done.contains(ticker);
    }

    int total() {
        return total;
    }

    /** An attempt found {@code remaining} tickers still to do: what was due is those and what is done. */
    void due(int remaining) {
        due = total + remaining;
    }

    int due() {
        return due;
    }

    /** A per-ticker answer that cost {@code count} requests, {@code retried} of its lookups tried again. */
    void requested(int count, int retried) {
        requests.addAndGet(count);
        retries.addAndGet(retried);
    }

    void regionRetried() {
        regionRetries++;
    }

    RegionSummary summary(RunState status, Duration duration, String error) {
        return new RegionSummary(region, status, Math.max(due, total), enriched, bySource, notApplicable, notFound,
                failed, deferred, disagreements, retries.get(), regionRetries, requests.get(), duration, error,
                problems);
    }
}
