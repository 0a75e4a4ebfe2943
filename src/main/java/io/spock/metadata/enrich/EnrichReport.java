package io.spock.metadata.enrich;

import io.spock.metadata.store.RunState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of an enrichment run.
 *
 * @param runId     the recorded run, or null for a dry run
 * @param status    COMPLETED, FAILED (a region could not finish) or INTERRUPTED
 * @param regions   one summary per requested region, in region order
 * @param changes   the per-ticker outcomes, kept only for runs over named tickers
 * @param workers   regions enriched at once
 */
public record EnrichReport(Integer runId, RunState status, EnrichMode mode, List<RegionSummary> regions,
                           List<Outcome> changes, Instant startedAt, Duration duration, int workers, boolean dryRun) {

    public EnrichReport {
        regions = List.copyOf(regions);
        changes = List.copyOf(changes);
    }

    public boolean incomplete() {
        return regions.stream().anyMatch(RegionSummary::incomplete) || status != RunState.COMPLETED;
    }

    public int yahooCalls() {
        return regions.stream().mapToInt(RegionSummary::yahooCalls).sum();
    }

    /** Yahoo requests per second achieved over the run's wall time. */
    public double yahooRate() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0.0 : yahooCalls() / seconds;
    }
}
