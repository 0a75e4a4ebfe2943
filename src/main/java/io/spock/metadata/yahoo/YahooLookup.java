package io.spock.metadata.yahoo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Outcome of one lookup by {@link YahooClient}; exactly one case per way Yahoo can answer. */
public sealed interface YahooLookup {

    /** A final answer about the symbol: caching it and stopping retries is safe. */
    default boolean isFinal() {
        return this instanceof Found || this instanceof NoSector || this instanceof NotFound;
    }

    /**
     * Yahoo did not give an answer to a request; counts against the circuit breaker. {@link NoSession} made no
     * request and is not one.
     */
    default boolean isFailure() {
        return !isFinal() && !(this instanceof NoSession);
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

    /**
     * 200 with a profile but no sector (absent or empty). For a quote type without sectors (ETF, fund, crypto:
     * {@link YahooProfile#sectorlessType()}) that is a final "not applicable"; for an equity it is "no answer from
     * Yahoo" for now, asked again when stale. Never retried at once.
     */
    record NoSector(YahooProfile profile) implements YahooLookup {
        public NoSector {
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public String describe() {
            String type = profile.quoteType().map(t -> " (quoteType " + t + ")").orElse("");
            return profile.sectorlessType() ? "Yahoo Finance has no sector for this symbol" + type
                    : "Yahoo Finance gives no sector for this equity" + type;
        }
    }

    /**
     * 404 with {@code error.code = "Not Found"} under {@code quoteSummary} or {@code finance}, or 200 with an empty
     * {@code result}. Yahoo sends this for unknown symbols and also for real ones that lack a profile, so it does not
     * prove the symbol wrong.
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

    /** 429, or the crumb endpoint answering {@code Too Many Requests} for every User-Agent candidate. */
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

    /**
     * 5xx, connection failures, timeouts, empty or malformed bodies, an HTML outage page ("Will be right back…"):
     * may work a moment later.
     */
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

    /** An HTML consent page (EU/GDPR interstitial) whose "agree" form could not be submitted. Retrying does not help. */
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

    /**
     * No session (cookie and crumb) to ask with, and none may be opened now: the last attempt to open one failed, or
     * a fresh crumb was refused, less than a minute ago ({@link YahooSession} reopens at most once a minute). No
     * request was made, so it is not a failure for the circuit breaker; the lookup waits for a later run.
     */
    record NoSession(String reason) implements YahooLookup {
        public NoSession {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return reason;
        }
    }
}
