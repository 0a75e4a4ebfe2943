package io.spock.metadata.enrich;

import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;

/**
 * What enrichment decided for one ticker.
 *
 * @param sector     null when nothing classified it (then {@code status} says why)
 * @param source     where the sector came from; null when unclassified
 * @param confidence HIGH or LOW; null when unclassified
 * @param error      one line for the operator when the ticker failed or was deferred
 * @param yahooAsked whether Yahoo was asked (counts towards the Yahoo figures)
 */
public record Outcome(Candidate candidate, TickerStatus status, SectorRef sector, String industry, Source source,
                      String confidence, boolean spac, boolean preferred, String error, boolean yahooAsked) {

    public boolean classified() {
        return sector != null;
    }

    /** Failed, not found or deferred: the ticker is left without an answer, and the run exits 3. */
    public boolean problem() {
        return status == TickerStatus.FAILED || status == TickerStatus.DEFERRED || status == TickerStatus.NOT_FOUND;
    }

    /** A GICS sector as stored: code with English and Korean names. */
    public record SectorRef(String code, String nameEn, String nameKo) {
    }
}
