package io.spock.metadata.yahoo;

/** Looks one symbol up on Yahoo Finance. {@link YahooFinanceClient} is the HTTP implementation. */
@FunctionalInterface
public interface YahooClient {

    /** Never throws for network or protocol trouble: every outcome is a {@link YahooLookup} case. */
    YahooLookup lookup(String symbol);

    /**
     * Sets up whatever the lookups need (cookie and crumb) before a rate token is taken, so that lookups waiting
     * for the session do not go out together once it is ready. Failures are left for {@link #lookup} to report.
     */
    default void openSession() {
    }

    /**
     * One page of Yahoo's screener: {@code POST {base}/v1/finance/screener?crumb=…} with the session's cookie and
     * crumb. Never throws for network or protocol trouble.
     */
    default ScreenerReply screen(java.net.URI base, String body) {
        return new ScreenerReply.Failure(new YahooLookup.Rejected(0, "this Yahoo client has no screener"), 0);
    }
}
