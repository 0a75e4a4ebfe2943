package io.spock.metadata.source;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.store.Source;

import java.util.Optional;

/**
 * The region being enriched as the sources see it: what is known about its tickers (this run's decisions first, else
 * the store's), and what the run asks of the sources.
 */
@FunctionalInterface
public interface RegionView {

    /** A view that knows nothing: for answers given outside a run ({@code inspect-ticker --live}). */
    RegionView EMPTY = ticker -> Optional.empty();

    /** The classification of {@code ticker} (in KIS's form) in the same region, when it has one. */
    Optional<Classification> classification(String ticker);

    /**
     * Whether the run wants answers newer than any cache ({@code enrich --force-refresh}): a source that caches its
     * answers asks anew and refreshes its cache. Incremental runs and single lookups read the cache.
     */
    default boolean refresh() {
        return false;
    }

    /** A ticker's decided sector, with the source and confidence it was decided with. */
    record Classification(GicsSector sector, Source source, Confidence confidence) {
    }
}
