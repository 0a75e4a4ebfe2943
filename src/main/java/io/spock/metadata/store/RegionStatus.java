package io.spock.metadata.store;

import java.time.LocalDateTime;

/** The counts {@code status} shows for one region. */
public record RegionStatus(String region, int total, int classified, int fromKis, int fromYahoo, int manual,
                           int notApplicable, int unclassified, int failed, int deferred, int stale,
                           LocalDateTime lastRun) {
}
