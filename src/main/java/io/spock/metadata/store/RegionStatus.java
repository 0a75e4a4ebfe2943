package io.spock.metadata.store;

import java.time.LocalDateTime;

/**
 * The counts {@code status} shows for one region, and the region's last enrichment run.
 *
 * @param lastRun       when the region's last run ended for it; null if no run has enriched the region
 * @param lastRunStatus that run's state for the region: COMPLETED, INTERRUPTED or FAILED; null with {@code lastRun}
 */
public record RegionStatus(String region, int total, int classified, int fromKis, int fromYahoo, int manual,
                           int notApplicable, int unclassified, int failed, int deferred, int stale,
                           LocalDateTime lastRun, String lastRunStatus) {
}
