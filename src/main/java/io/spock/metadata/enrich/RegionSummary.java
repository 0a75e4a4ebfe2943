package io.spock.metadata.enrich;

import java.time.Duration;
import java.util.List;

/**
 * The result of enriching one region.
 *
 * @param total         the tickers the region had to do (due), whether or not the run got to all of them
 *
 * @param status        COMPLETED, FAILED (the region could not finish, even after its retries) or INTERRUPTED
 * @param retries       retries of Yahoo lookups
 * @param regionRetries times the whole region was tried again after a transient failure
 * @param problems      the tickers left failed, not found or deferred, with their reasons
 */
public record RegionSummary(String region, String status, int total, int enriched, int fromKis, int fromYahoo,
                            int notApplicable, int failed, int deferred, int retries, int regionRetries,
                            int yahooCalls, Duration duration, String error, List<TickerProblem> problems) {

    public RegionSummary {
        problems = List.copyOf(problems);
    }

    /** A region the run never started because it was interrupted first. */
    static RegionSummary notStarted(String region) {
        return new RegionSummary(region, EnrichmentService.INTERRUPTED, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO,
                "interrupted before it started", List.of());
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

    public boolean incomplete() {
        return failed > 0 || deferred > 0 || !EnrichmentService.COMPLETED.equals(status);
    }
}
