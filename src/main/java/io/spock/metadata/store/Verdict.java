package io.spock.metadata.store;

/** What kind of answer a source gave about one ticker ({@code classification_evidence.verdict}). */
public enum Verdict {
    /** A GICS sector. */
    SECTOR,
    /** The source knows the symbol and says it has no sector by nature (an ETF, a fund). */
    NOT_APPLICABLE,
    /** The source does not know the symbol. */
    NOT_FOUND,
    /**
     * The source knows the symbol as a company but gives it no sector (Yahoo's equity with an empty profile): no
     * answer for now; other sources' answers stand and the ticker is asked again when stale.
     */
    NO_SECTOR,
    /** Nothing to say about this ticker (KIS code 000, not a preferred share, an unknown Yahoo sector). */
    NONE,
    /** The source could not be asked now (rate limited, unreachable, circuit open): ask again in a later run. */
    DEFERRED,
    /** The source failed after its retries. */
    FAILED;

    /** Answers about the ticker itself, kept as evidence; the others say nothing about it. */
    public boolean kept() {
        return this == SECTOR || this == NOT_APPLICABLE || this == NOT_FOUND || this == NO_SECTOR;
    }
}
