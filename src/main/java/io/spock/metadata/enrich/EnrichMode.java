package io.spock.metadata.enrich;

/** Which tickers an enrichment run picks. */
public enum EnrichMode {
    /** Never enriched, older than the maximum age, or whose last attempt failed or was deferred. */
    INCREMENTAL,
    /** Every ticker, whatever its age. */
    FORCE_REFRESH,
    /** The tickers named on the command line, whatever their age. */
    TICKERS
}
