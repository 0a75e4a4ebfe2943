package io.spock.metadata.yahoo;

import java.util.Objects;

/**
 * What {@link YahooProfileService#lookup(String)} hands to the enrichment pipeline.
 *
 * @param kind     the verdict
 * @param profile  present for {@link Kind#FOUND}, {@link Kind#NOT_APPLICABLE} and {@link Kind#NO_SECTOR}, otherwise
 *                 null
 * @param reason   one line, for logs and the review report
 * @param attempts lookups made for this call, the first one and its retries (0 for a cache hit or an open circuit)
 * @param requests HTTP requests for data made for this call: search, quoteSummary and their repeats (the session's
 *                 cookie and crumb requests not counted)
 */
public record ProfileResult(Kind kind, YahooProfile profile, String reason, int attempts, int requests) {

    public enum Kind {
        /** Yahoo gave a sector (and usually an industry). */
        FOUND,
        /** Yahoo knows the symbol as a type without sectors: ETF, fund, index, crypto. Classify as "not applicable". */
        NOT_APPLICABLE,
        /** Yahoo knows the symbol as an equity but gives no sector: no answer from Yahoo, asked again when stale. */
        NO_SECTOR,
        /** Yahoo answered "Not Found". Also sent for real symbols without a profile. */
        NOT_FOUND,
        /** Yahoo is rate limiting us, is unreachable, or the circuit is open: ask again in a later run. */
        DEFERRED,
        /** No answer after the allowed attempts (errors, timeouts, a consent page that could not be accepted). */
        FAILED;

        /** FOUND, NOT_APPLICABLE, NO_SECTOR and NOT_FOUND are answers about the symbol; the others are about Yahoo. */
        public boolean isFinal() {
            return this == FOUND || this == NOT_APPLICABLE || this == NO_SECTOR || this == NOT_FOUND;
        }

        boolean hasProfile() {
            return this == FOUND || this == NOT_APPLICABLE || this == NO_SECTOR;
        }
    }

    public ProfileResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (kind.hasProfile() != (profile != null)) {
            throw new IllegalArgumentException("profile must be present exactly for FOUND, NOT_APPLICABLE and NO_SECTOR");
        }
    }

    static ProfileResult of(YahooLookup outcome, int attempts, int requests) {
        if (outcome instanceof YahooLookup.Found found) {
            return new ProfileResult(Kind.FOUND, found.profile(), outcome.describe(), attempts, requests);
        } else if (outcome instanceof YahooLookup.NoSector noSector) {
            Kind kind = noSector.profile().sectorlessType() ? Kind.NOT_APPLICABLE : Kind.NO_SECTOR;
            return new ProfileResult(kind, noSector.profile(), outcome.describe(), attempts, requests);
        } else if (outcome instanceof YahooLookup.NotFound) {
            return new ProfileResult(Kind.NOT_FOUND, null, outcome.describe(), attempts, requests);
        } else if (outcome instanceof YahooLookup.RateLimited || outcome instanceof YahooLookup.Unreachable
                || outcome instanceof YahooLookup.NoSession) {
            return new ProfileResult(Kind.DEFERRED, null, outcome.describe(), attempts, requests);
        }
        return new ProfileResult(Kind.FAILED, null, outcome.describe(), attempts, requests);
    }

    static ProfileResult deferred(String reason, int attempts, int requests) {
        return new ProfileResult(Kind.DEFERRED, null, reason, attempts, requests);
    }

    static ProfileResult failed(String reason, int attempts, int requests) {
        return new ProfileResult(Kind.FAILED, null, reason, attempts, requests);
    }

    /** The same answer from the cache: no attempt, no request. */
    ProfileResult cached() {
        return new ProfileResult(kind, profile, reason, 0, 0);
    }
}
