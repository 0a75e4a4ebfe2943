package io.spock.metadata.yahoo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Outcome of one quoteSummary lookup by {@link YahooClient}; exactly one case per way Yahoo can answer. */
public sealed interface YahooLookup {

    /** A final answer about the symbol: caching it and stopping retries is safe. */
    default boolean isFinal() {
        return this instanceof Found || this instanceof NoSector || this instanceof NotFound;
    }

    /** Yahoo did not give an answer; counts against the circuit breaker. */
    default boolean isFailure() {
        return !isFinal();
    }

    /** Worth trying again after a pause. */
    default boolean isRetryable() {
        return this instanceof Transient || this instanceof Unreachable || this instanceof RateLimited;
    }

    /** One-line description, for logs and result reasons. */
    String describe();

    /** 200 with a sector. */
    record Found(YahooProfile profile) implements YahooLookup {
        public Found {
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public String describe() {
            return "Yahoo Finance sector " + profile.sector().orElse("?")
                    + ", industry " + profile.industry().orElse("(none)");
        }
    }

    /** 200 without a sector: ETFs, funds, crypto. A final "not applicable", never retried. */
    record NoSector(YahooProfile profile) implements YahooLookup {
        public NoSector {
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public String describe() {
            return "Yahoo Finance has no sector for this symbol"
                    + profile.quoteType().map(type -> " (quoteType " + type + ")").orElse("");
        }
    }

    /**
     * 404 with {@code quoteSummary.error.code = "Not Found"}. Yahoo sends this for unknown symbols and also for real
     * ones that lack a profile, so it does not prove the symbol wrong.
     */
    record NotFound(String description) implements YahooLookup {
        public NotFound {
            Objects.requireNonNull(description, "description");
        }

        @Override
        public String describe() {
            return "Yahoo Finance: Not Found (" + description + ")";
        }
    }

    /** 429, or the crumb endpoint answering {@code Too Many Requests}. */
    record RateLimited(Optional<Duration> retryAfter) implements YahooLookup {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public String describe() {
            return retryAfter.map(d -> "Yahoo Finance rate limited (Retry-After " + d.toSeconds() + " s)")
                    .orElse("Yahoo Finance rate limited");
        }
    }

    /** 5xx, connection failures, timeouts, empty or malformed bodies: may work a moment later. */
    record Transient(String reason) implements YahooLookup {
        public Transient {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return reason;
        }
    }

    /**
     * No connection at all (refused, unknown host, connect timeout): says nothing about the symbol, so the lookup
     * waits for a later run, like a rate limit. Retried like a transient failure first.
     */
    record Unreachable(String reason) implements YahooLookup {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return reason;
        }
    }

    /** An HTML consent page instead of JSON (EU/GDPR interstitial). Retrying does not help. */
    record Blocked(String reason) implements YahooLookup {
        public Blocked {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return reason;
        }
    }

    /** Yahoo refused the request: 401 again after a fresh cookie and crumb, or an unexpected 4xx. Not retried. */
    record Rejected(int status, String reason) implements YahooLookup {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return reason;
        }
    }
}
