package io.spock.metadata.yahoo;

/** Looks one symbol up on Yahoo Finance. {@link YahooFinanceClient} is the HTTP implementation. */
@FunctionalInterface
public interface YahooClient {

    /**
     * Never throws for network or protocol trouble: every outcome is a {@link YahooLookup} case.
     *
     * @param gate passed before each request for data (search, quoteSummary, a repeat): the shared rate limit. A
     *             session that must be opened first is opened before the gate, so that lookups waiting for it do not
     *             leave together once it is ready.
     */
    YahooLookup lookup(String symbol, Gate gate);

    /** What a client passes before each request for data. */
    @FunctionalInterface
    interface Gate {

        /** No limit: for single lookups outside a run and for tests. */
        Gate OPEN = () -> { };

        /**
         * Waits for the right to send one request.
         *
         * @throws InterruptedException when the waiting thread is interrupted
         * @throws RuntimeException     from the rate limiter's owner when the request must not go out (an open
         *                              circuit); the client lets it through
         */
        void pass() throws InterruptedException;
    }

    /**
     * One page of Yahoo's screener: {@code POST {base}/v1/finance/screener?crumb=…} with the session's cookie and
     * crumb. Never throws for network or protocol trouble.
     */
    default ScreenerReply screen(java.net.URI base, String body) {
        return new ScreenerReply.Failure(new YahooLookup.Rejected(0, "this Yahoo client has no screener"), 0);
    }
}
