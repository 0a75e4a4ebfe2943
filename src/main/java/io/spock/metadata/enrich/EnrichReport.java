package io.spock.metadata.enrich;

import java.time.Duration;
import java.util.List;

/**
 * The result of an enrichment run.
 *
 * @param runId   the recorded run, or null for a dry run
 * @param changes the per-ticker outcomes, kept only for runs over named tickers
 */
public record EnrichReport(Integer runId, String status, List<RegionSummary> regions, List<Outcome> changes,
                           Duration duration, boolean dryRun) {

    public boolean incomplete() {
        return regions.stream().anyMatch(RegionSummary::incomplete) || !"COMPLETED".equals(status);
    }
}
