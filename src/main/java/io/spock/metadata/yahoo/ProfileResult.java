package io.spock.metadata.yahoo;

import java.util.Objects;

/**
 * What {@link YahooProfileService#lookup(String)} hands to the enrichment pipeline.
 *
 * @param kind     the verdict
 * @param profile  present for {@link Kind#FOUND} and {@link Kind#NOT_APPLICABLE}, otherwise null
 * @param reason   one line, for logs and the review report
 * @param attempts HTTP lookups made for this call (0 for a cache hit or an open circuit)
 */
public record ProfileResult(Kind kind, YahooProfile profile, String reason, int attempts) {

    public enum Kind {
        /** Yahoo gave a sector (and usually an industry). */
        FOUND,
        /** Yahoo knows the symbol but gives no sector: ETF, fund, crypto. Classify as "not applicable". */
        NOT_APPLICABLE,
        /** Yahoo answered "Not Found". Also sent for real symbols without a profile. */
        NOT_FOUND,
        /** Yahoo is rate limiting us or the circuit is open: ask again in a later run. */
        DEFERRED,
        /** No answer after the allowed attempts (errors, timeouts, consent page, refused crumb). */
        FAILED;

        /** FOUND, NOT_APPLICABLE and NOT_FOUND are answers about the symbol; the others are about Yahoo. */
        public boolean isFinal() {
            return this == FOUND || this == NOT_APPLICABLE || this == NOT_FOUND;
        }
    }

    public ProfileResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if ((kind == Kind.FOUND || kind == Kind.NOT_APPLICABLE) != (profile != null)) {
            throw new IllegalArgumentException("profile must be present exactly for FOUND and NOT_APPLICABLE");
        }
    }

    static ProfileResult of(YahooLookup outcome, int attempts) {
        if (outcome instanceof YahooLookup.Found found) {
            return new ProfileResult(Kind.FOUND, found.profile(), outcome.describe(), attempts);
        } else if (outcome instanceof YahooLookup.NoSector noSector) {
            return new ProfileResult(Kind.NOT_APPLICABLE, noSector.profile(), outcome.describe(), attempts);
        } else if (outcome instanceof YahooLookup.NotFound) {
            return new ProfileResult(Kind.NOT_FOUND, null, outcome.describe(), attempts);
        } else if (outcome instanceof YahooLookup.RateLimited || outcome instanceof YahooLookup.Unreachable) {
            return deferred(outcome.describe(), attempts);
        }
        return new ProfileResult(Kind.FAILED, null, outcome.describe(), attempts);
    }

    static ProfileResult deferred(String reason, int attempts) {
        return new ProfileResult(Kind.DEFERRED, null, reason, attempts);
    }

    static ProfileResult failed(String reason, int attempts) {
        return new ProfileResult(Kind.FAILED, null, reason, attempts);
    }

    ProfileResult withAttempts(int value) {
        return new ProfileResult(kind, profile, reason, value);
    }
}
