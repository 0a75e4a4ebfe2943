package io.spock.metadata.yahoo;

/** What one page request to Yahoo's screener brought back. */
public sealed interface ScreenerReply {

    /** 200 with a body, to be read by {@link YahooScreener#parse}. */
    record Page(String json) implements ScreenerReply {
    }

    /** Anything else, the reason in one line (rate limited, circuit open, consent page, HTTP 5xx, unreachable). */
    record Failure(String reason) implements ScreenerReply {
    }
}
