package io.spock.metadata.source;

import io.spock.metadata.store.Verdict;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.store.Source;

import java.time.Instant;
import java.util.Objects;

/**
 * One source's answer about one ticker: the evidence kept in {@code classification_evidence}.
 *
 * @param sector       the GICS sector; present exactly for {@link Verdict#SECTOR}
 * @param industryCode the GICS industry group (4 digits) or industry (6 digits) where the source pins it down,
 *                     else null
 * @param industry     the source's industry text (Yahoo's {@code Consumer Electronics}), else null
 * @param rawCode      the source's own code ({@code 730} for KIS, {@code Technology} for Yahoo), else null
 * @param rawLabel     the source's own label for it ({@code 컴퓨터전자장비/기기}), else null
 * @param confidence   how far the answer can be trusted; present exactly for {@link Verdict#SECTOR}
 * @param detail       where inside the source the answer came from (an endpoint, a list's date), else null
 * @param spac         whether the source says the company is a SPAC; null when it has no opinion
 * @param reason       one line for the operator: why this sector (for the history), or why there is none
 * @param observedAt   when the source gave the answer
 * @param requests     network requests this answer cost (0 for answers from local data or a cache)
 * @param retries      of those, lookups tried again after a transient failure
 */
public record Answer(Source source, Verdict verdict, GicsSector sector, String industryCode, String industry,
                     String rawCode, String rawLabel, Confidence confidence, String detail, Boolean spac,
                     String reason, Instant observedAt, int requests, int retries) {

    public Answer {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(observedAt, "observedAt");
        if ((verdict == Verdict.SECTOR) != (sector != null && confidence != null)) {
            throw new IllegalArgumentException("a sector and a confidence come exactly with a SECTOR verdict");
        }
    }

    /**
     * A GICS sector from the source's own code and label.
     *
     * @param reason why, in a few words, for the classification history ({@code KIS code 730 (LOW)})
     */
    public static Answer sector(Source source, GicsSector sector, Confidence confidence, String rawCode,
                                String rawLabel, String reason, Instant observedAt) {
        return new Answer(source, Verdict.SECTOR, sector, null, null, rawCode, rawLabel, confidence, null, null,
                reason, observedAt, 0, 0);
    }

    /** No sector: {@code verdict} says why, {@code reason} in words. */
    public static Answer without(Source source, Verdict verdict, String reason, Instant observedAt) {
        if (verdict == Verdict.SECTOR) {
            throw new IllegalArgumentException("a SECTOR answer needs a sector");
        }
        return new Answer(source, verdict, null, null, null, null, null, null, null, null, reason, observedAt, 0, 0);
    }

    public Answer withIndustry(String code, String text) {
        return new Answer(source, verdict, sector, code, text, rawCode, rawLabel, confidence, detail, spac, reason,
                observedAt, requests, retries);
    }

    public Answer withRaw(String code, String label) {
        return new Answer(source, verdict, sector, industryCode, industry, code, label, confidence, detail, spac,
                reason, observedAt, requests, retries);
    }

    public Answer withDetail(String value) {
        return new Answer(source, verdict, sector, industryCode, industry, rawCode, rawLabel, confidence, value, spac,
                reason, observedAt, requests, retries);
    }

    public Answer withSpac(boolean value) {
        return new Answer(source, verdict, sector, industryCode, industry, rawCode, rawLabel, confidence, detail,
                value, reason, observedAt, requests, retries);
    }

    public Answer withReason(String value) {
        return new Answer(source, verdict, sector, industryCode, industry, rawCode, rawLabel, confidence, detail, spac,
                value, observedAt, requests, retries);
    }

    public Answer withRequests(int count, int retried) {
        return new Answer(source, verdict, sector, industryCode, industry, rawCode, rawLabel, confidence, detail, spac,
                reason, observedAt, count, retried);
    }

    public boolean hasSector() {
        return verdict == Verdict.SECTOR;
    }

    /** A sector of at least medium confidence: stands without asking the next source. */
    public boolean standsAlone() {
        return hasSector() && confidence.standsAlone();
    }
}
