package io.spock.metadata.enrich;

import java.time.Duration;

/**
 * The result of enriching one region.
 *
 * @param status COMPLETED, FAILED (the region could not finish) or INTERRUPTED
 */
public record RegionSummary(String region, String status, int total, int enriched, int fromKis, int fromYahoo,
                            int notApplicable, int failed, int deferred, int retries, int yahooCalls,
                            Duration duration, String error) {

    /** Share of the region's tickers left with an answer (classified or not applicable), 0–100. */
    public double successRate() {
        return total == 0 ? 100.0 : 100.0 * (enriched + notApplicable) / total;
    }

    public boolean incomplete() {
        return failed > 0 || deferred > 0 || !"COMPLETED".equals(status);
    }
}
