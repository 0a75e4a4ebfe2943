package io.spock.metadata.yahoo;

import java.util.Objects;

/** What one page request to Yahoo's screener brought back, and how many HTTP requests it took (retries included). */
public sealed interface ScreenerReply {

    int requests();

    /** 200 with a body, to be read by {@link YahooScreener#parse}. */
    record Page(String json, int requests) implements ScreenerReply {
    }

    /**
     * Anything else, as the per-ticker lookups classify it: rate limited (with its {@code Retry-After}), transient
     * (5xx, timeout), unreachable, blocked by a consent page, rejected, or the circuit open.
     */
    record Failure(YahooLookup outcome, int requests) implements ScreenerReply {
        public Failure {
            Objects.requireNonNull(outcome, "outcome");
        }

        /** The reason in one line. */
        public String reason() {
            return outcome.describe();
        }
    }
}
