package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;

import java.util.List;
import java.util.Set;

/**
 * What an {@code enrich} run should do.
 *
 * @param tickers       the tickers named with {@code --tickers} (mode TICKERS), upper-case
 * @param includeManual also re-enrich tickers fixed by hand
 * @param maxWorkers    regions enriched at once when {@code parallel}
 */
public record EnrichRequest(Set<Region> regions, EnrichMode mode, List<String> tickers, int maxAgeDays,
                            boolean dryRun, boolean includeManual, boolean parallel, int maxWorkers) {

    public EnrichRequest {
        regions = Set.copyOf(regions);
        tickers = List.copyOf(tickers);
    }

    public String regionList() {
        return String.join(",", regions.stream().sorted().map(Enum::name).toList());
    }
}
