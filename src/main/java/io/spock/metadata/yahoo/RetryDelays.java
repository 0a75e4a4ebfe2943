package io.spock.metadata.yahoo;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Computes the pause before a retry: the server's {@code Retry-After} when it sent one (used as is, never jittered
 * below), otherwise exponential backoff {@code initial × 2^(n-1)} capped at {@code max}, moved randomly by up to
 * ± jitterFactor.
 */
final class RetryDelays {

    private final YahooSettings.Retry retry;
    private final DoubleSupplier random;

    /** @param random source of uniform values in [0, 1) */
    RetryDelays(YahooSettings.Retry retry, DoubleSupplier random) {
        this.retry = Objects.requireNonNull(retry, "retry");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param failedAttempts attempts made so far (1 before the first retry)
     * @param lastOutcome    the outcome that triggered the retry
     */
    Duration before(int failedAttempts, YahooLookup lastOutcome) {
        if (lastOutcome instanceof YahooLookup.RateLimited limited && limited.retryAfter().isPresent()) {
            return limited.retryAfter().get();
        }
        double doubled = retry.initialDelay().toNanos() * Math.pow(2, Math.max(0, failedAttempts - 1));
        double backoff = Math.min(doubled, retry.maxDelay().toNanos());
        double jitter = 1 + retry.jitterFactor() * (2 * random.getAsDouble() - 1);
        return Duration.ofNanos(Math.round(backoff * jitter));
    }
}
