package io.spock.metadata.enrich;

import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of enriching one region.
 *
 * @param status        COMPLETED, FAILED (the region could not finish, even after its retries), INTERRUPTED or
 *                      SKIPPED (another run held the region's lease; {@code error} names it)
 * @param total         the tickers the region had to do (due), whether or not the run got to all of them
 * @param enriched      tickers classified (their sector comes from {@code bySource})
 * @param bySource      classified tickers per source, every enabled source listed (0 when it decided none), in
 *                      the policy's order
 * @param notFound      tickers no source has a sector for: Yahoo does not know the symbol, or knows it as an equity
 *                      without a sector. An answer, not a failure: asked again when stale, listed by {@code review}
 * @param failed        tickers whose lookup failed after its retries
 * @param deferred      tickers whose lookup must wait for a later run (rate limited, unreachable, circuit open)
 * @param disagreements tickers whose sources disagree (two answers of at least medium confidence)
 * @param retries       retries of per-ticker lookups
 * @param regionRetries times the whole region was tried again after a transient failure
 * @param yahooCalls    per-ticker requests made (Yahoo Finance)
 * @param problems      the tickers left not found, failed or deferred, with their reasons
 */
public record RegionSummary(String region, RunState status, int total, int enriched, Map<Source, Integer> bySource,
                            int notApplicable, int notFound, int failed, int deferred, int disagreements, int retries,
                            int regionRetries, int yahooCalls, Duration duration, String error,
                            List<TickerProblem> problems) {

    public RegionSummary {
        bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
        problems = List.copyOf(problems);
    }

    /** A region the run never started because it was interrupted first. */
    static RegionSummary notStarted(String region, List<Source> sources) {
        return unstarted(region, sources, RunState.INTERRUPTED, "interrupted before it started");
    }

    /** A region this run left alone because another run held its lease: {@code holder} says which. */
    static RegionSummary skipped(String region, List<Source> sources, String holder) {
        return unstarted(region, sources, RunState.SKIPPED, holder);
    }

    /** A region that ended before its work began, with nothing done. */
    static RegionSummary unstarted(String region, List<Source> sources, RunState status, String error) {
        return new RegionTally(region, sources).summary(status, Duration.ZERO, error);
    }

    /** Tickers this source classified (0 when it classified none or is not enabled). */
    public int classifiedBy(Source source) {
        return bySource.getOrDefault(source, 0);
    }

    /** The per-source counts keyed by the sources' lower-case names, for JSON and metrics. */
    public Map<String, Integer> bySourceKeys() {
        Map<String, Integer> keys = new LinkedHashMap<>();
        bySource.forEach((s, n) -> keys.put(s.key(), n));
        return keys;
    }

    /** The per-source counts for people: {@code kis 150, yahoo 20}. */
    public String bySourceText() {
        StringBuilder text = new StringBuilder();
        bySource.forEach((s, n) -> text.append(text.isEmpty() ? "" : ", ").append(s.key()).append(' ').append(n));
        return text.toString();
    }

    /**
     * Share of the region's due tickers left with an answer (classified or not applicable), 0–100; null when nothing
     * was due, so that a region that did nothing shows no rate.
     */
    public Double successRate() {
        return total == 0 ? null : 100.0 * (enriched + notApplicable) / total;
    }

    /** Yahoo requests per second achieved over the region's wall time. */
    public double yahooRate() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0.0 : yahooCalls / seconds;
    }

    /** Yahoo lookup retries plus region retries. */
    public int allRetries() {
        return retries + regionRetries;
    }

    /** Some tickers failed or were deferred, or the region did not complete: exit 3. Not found alone is complete. */
    public boolean incomplete() {
        return failed > 0 || deferred > 0 || status != RunState.COMPLETED;
    }
}
