package io.spock.metadata.enrich;

import io.spock.metadata.store.Source;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hears how far each region has got; the shell draws progress bars from it and the metrics count from it.
 * Calls come from the thread enriching the region: with parallel runs, from several threads at once.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() { };

    /** Called again when a region is retried; {@code total} then includes the tickers already done. */
    default void regionStarted(String region, int total) {
    }

    /** {@code done} more tickers were committed (or, in a dry run, computed). */
    default void advanced(String region, int done) {
    }

    default void regionRetrying(String region, int retry, Duration delay, String reason) {
    }

    default void regionFinished(RegionSummary summary) {
    }

    /**
     * A batch was committed (or, in a dry run, computed); called with {@link #advanced} for the same batch.
     *
     * @param classifiedBySource the batch's tickers that were classified, per deciding source; sources that
     *                           classified none of them are absent
     */
    default void batchCommitted(String region, Map<Source, Integer> classifiedBySource) {
    }

    /** One listener that tells all of these, in order. */
    static ProgressListener all(ProgressListener... listeners) {
        List<ProgressListener> each = List.of(listeners);
        return new ProgressListener() {
            @Override
            public void regionStarted(String region, int total) {
                each.forEach(l -> l.regionStarted(region, total));
            }

            @Override
            public void advanced(String region, int done) {
                each.forEach(l -> l.advanced(region, done));
            }

            @Override
            public void regionRetrying(String region, int retry, Duration delay, String reason) {
                each.forEach(l -> l.regionRetrying(region, retry, delay, reason));
            }

            @Override
            public void regionFinished(RegionSummary summary) {
                each.forEach(l -> l.regionFinished(summary));
            }

            @Override
            public void batchCommitted(String region, Map<Source, Integer> classifiedBySource) {
                each.forEach(l -> l.batchCommitted(region, classifiedBySource));
            }
        };
    }
}
