package io.spock.metadata.store;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * The counts {@code status} shows for one region (listed tickers only), and the region's last enrichment run.
 *
 * @param bySource      classified tickers per source that decided them (sources without any are absent)
 * @param notFound      tickers no source has a sector for (Yahoo does not know the symbol, or gives its equity no
 *                      sector): counted apart from failed, listed by {@code review}
 * @param disagreements tickers not fixed by hand whose sources disagree: the review queue's first reason
 * @param lastRun       when the region's last run ended for it; null if no run has taken part in the region
 * @param lastRunStatus that run's state for the region: COMPLETED, INTERRUPTED or FAILED; null with {@code lastRun}
 */
public record RegionStatus(String region, int total, int classified, Map<Source, Integer> bySource,
                           int notApplicable, int unclassified, int notFound, int failed, int deferred, int stale,
                           int disagreements, LocalDateTime lastRun, String lastRunStatus) {

    public RegionStatus {
        bySource = Map.copyOf(bySource);
    }

    /** Tickers this source decided (0 when none). */
    public int classifiedBy(Source source) {
        return bySource.getOrDefault(source, 0);
    }
}
