package io.spock.metadata.store;

/** Where a ticker stands in enrichment. */
public enum TickerStatus {
    /** Never enriched, or made due again (new KIS code, cleared manual fix). */
    PENDING,
    CLASSIFIED,
    /** Yahoo knows the symbol but gives no sector (ETF, fund): nothing to classify, not retried. */
    NOT_APPLICABLE,
    /** Yahoo has no profile for the symbol; recorded, not retried until forced. */
    NOT_FOUND,
    FAILED,
    /** Postponed because the source was unavailable (circuit open, unreachable, interrupted). */
    DEFERRED
}
