package io.spock.metadata.yahoo;

import java.time.Duration;

/**
 * Hook for metrics. All methods default to no-ops and must be cheap and must not throw.
 *
 * <p>Request outcome labels are stable: {@code ok, no_sector, no_match, not_found, invalid_crumb, rate_limited,
 * server_error, transient, blocked, rejected}; endpoints are {@link YahooEndpoint#key()}. Breaker states:
 * {@code open, half_open, closed}.
 */
public interface YahooRequestListener {

    YahooRequestListener NO_OP = new YahooRequestListener() { };

    /** Called once per HTTP request sent to Yahoo (cookie, crumb, consent, search and quoteSummary alike). */
    default void onRequest(YahooEndpoint endpoint, String outcome) {
    }

    /** Called when the circuit breaker changes state. */
    default void onBreakerStateChange(String state) {
    }

    /** Called when a retry of a lookup is scheduled, with the delay before it and the outcome that caused it. */
    default void onRetryScheduled(Duration delay, String reason) {
    }
}
