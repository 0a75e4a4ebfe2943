package io.spock.metadata.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The run that holds a region's lease ({@code region_leases}).
 *
 * @param leasedAt when the run took the lease, i.e. began the region (UTC, as stored)
 */
public record LeaseHolder(String region, LocalDateTime leasedAt, RunningRun run) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * The line a run that wants the region prints, and {@code status} shows:
     * {@code US is being enriched by run 42 on host-a (pid 311), started 01:00:12} (with the date when not today).
     */
    public String describe(LocalDate today) {
        return region + " is being enriched by " + run.describe() + ", started "
                + (leasedAt.toLocalDate().equals(today) ? TIME : DATE_TIME).format(leasedAt);
    }
}
