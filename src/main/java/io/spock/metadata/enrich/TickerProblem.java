package io.spock.metadata.enrich;

/**
 * A ticker a run left failed, not found or deferred, as committed with it.
 *
 * @param status FAILED, NOT_FOUND or DEFERRED
 * @param error  the reason stored as the ticker's {@code last_error}
 */
public record TickerProblem(String ticker, String status, String error) {
}
