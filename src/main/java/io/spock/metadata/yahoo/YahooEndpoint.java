package io.spock.metadata.yahoo;

/**
 * Where on Yahoo Finance a request goes, by the name used in evidence ({@code classification_evidence.detail}), logs
 * and the {@code endpoint} label of {@code spock_yahoo_requests_total}.
 */
public enum YahooEndpoint {
    /** The session cookie page ({@code spock.yahoo.cookie-url}). */
    COOKIE("cookie"),
    /** {@code /v1/test/getcrumb}: the crumb as plain text. */
    CRUMB("crumb"),
    /** The EU consent form ({@code guce.yahoo.com} / {@code consent.yahoo.com}) and its "agree" submission. */
    CONSENT("consent"),
    /** {@code /v1/finance/search}: no cookie, no crumb; sector and industry for equities. */
    SEARCH("search"),
    /** {@code /v10/finance/quoteSummary/{symbol}}, modules assetProfile and quoteType: needs cookie and crumb. */
    QUOTE_SUMMARY("quoteSummary"),
    /** {@code POST /v1/finance/screener}: pages of a region's equities with their sectors; needs cookie and crumb. */
    SCREENER("screener");

    private final String key;

    YahooEndpoint(String key) {
        this.key = key;
    }

    /** The name in evidence, logs and metric labels. */
    public String key() {
        return key;
    }
}
