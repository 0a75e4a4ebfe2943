package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * What an {@code enrich} run should do.
 *
 * @param tickers       the tickers named with {@code --tickers} (mode TICKERS), upper-case
 * @param includeManual also re-enrich tickers fixed by hand
 * @param parallel      enrich regions at once; they still share the one Yahoo rate limit
 * @param maxWorkers    regions enriched at once when {@code parallel}
 * @param retry         region-level retries of transient failures
 * @param leaseWait     how long a region waits for its lease while another run holds it ({@code --wait}): null to
 *                      skip the region at once, {@link #WAIT_FOREVER} to wait as long as it takes
 */
public record EnrichRequest(Set<Region> regions, EnrichMode mode, List<String> tickers, int maxAgeDays,
                            boolean dryRun, boolean includeManual, boolean parallel, int maxWorkers,
                            RegionRetry retry, Duration leaseWait) {

    /** {@code --wait} without seconds: as long as the lease's holder is alive. */
    public static final Duration WAIT_FOREVER = ChronoUnit.FOREVER.getDuration();

    public EnrichRequest {
        regions = Set.copyOf(regions);
        tickers = List.copyOf(tickers);
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be 1 or more, not " + maxWorkers);
        }
    }

    /** A run that skips a region another run holds. */
    public EnrichRequest(Set<Region> regions, EnrichMode mode, List<String> tickers, int maxAgeDays, boolean dryRun,
                         boolean includeManual, boolean parallel, int maxWorkers, RegionRetry retry) {
        this(regions, mode, tickers, maxAgeDays, dryRun, includeManual, parallel, maxWorkers, retry, null);
    }

    /** A run without region-level retries. */
    public EnrichRequest(Set<Region> regions, EnrichMode mode, List<String> tickers, int maxAgeDays, boolean dryRun,
                         boolean includeManual, boolean parallel, int maxWorkers) {
        this(regions, mode, tickers, maxAgeDays, dryRun, includeManual, parallel, maxWorkers, RegionRetry.NONE);
    }

    /** Whether the run takes region leases: not a dry run (it writes nothing) and not a run over named tickers. */
    public boolean leasesRegions() {
        return !dryRun && mode != EnrichMode.TICKERS;
    }

    public String regionList() {
        return String.join(",", regions.stream().sorted().map(Enum::name).toList());
    }

    /** Regions enriched at once: one unless parallel. */
    public int workers() {
        return parallel ? Math.min(maxWorkers, Math.max(1, regions.size())) : 1;
    }
}
