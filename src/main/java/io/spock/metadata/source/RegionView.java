package io.spock.metadata.source;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.store.Source;

import java.util.Optional;

/** What is known about the tickers of the region being enriched: this run's decisions first, else the store's. */
@FunctionalInterface
public interface RegionView {

    /** A view that knows nothing: for answers given outside a run ({@code inspect-ticker --live}). */
    RegionView EMPTY = ticker -> Optional.empty();

    /** The classification of {@code ticker} (in KIS's form) in the same region, when it has one. */
    Optional<Classification> classification(String ticker);

    /** A ticker's decided sector, with the source and confidence it was decided with. */
    record Classification(GicsSector sector, Source source, Confidence confidence) {
    }
}
