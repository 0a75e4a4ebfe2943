package io.spock.metadata.enrich;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Region-level retries of a region whose run failed with a transient error: up to {@code maxRetries} more
 * attempts, waiting {@code initialDelay × 2^(n-1)}, moved randomly by up to ± {@code jitter}.
 */
public record RegionRetry(int maxRetries, Duration initialDelay, double jitter) {

    public static final RegionRetry NONE = new RegionRetry(0, Duration.ZERO, 0.0);
    public static final double DEFAULT_JITTER = 0.2;

    public RegionRetry {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("the retry delay must be 0 or more, not " + initialDelay);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), not " + jitter);
        }
    }

    /**
     * @param retry  1 before the first retry
     * @param random uniform values in [0, 1)
     */
    public Duration delayBefore(int retry, DoubleSupplier random) {
        double backoff = initialDelay.toNanos() * Math.pow(2, Math.max(0, retry - 1));
        return Duration.ofNanos(Math.round(backoff * (1 + jitter * (2 * random.getAsDouble() - 1))));
    }
}
