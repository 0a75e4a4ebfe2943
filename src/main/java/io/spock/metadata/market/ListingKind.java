package io.spock.metadata.market;

/**
 * What a listing is beside its issuer's common share. A preferred share, note, unit, warrant or right belongs to a
 * common share of the same issuer (ABR/D to ABR, AACT/UN to AACT), whose GICS sector it shares. Decided by
 * {@link ListingKinds#decide}.
 */
public enum ListingKind {
    /** A common share, or one class of it (BRK/B). */
    COMMON(""),
    /** A preferred share or a depositary share of one (ABR/D, AGNCP, 25935). */
    PREFERRED("-P"),
    /** Exchange-traded debt: senior, subordinated and other notes, debentures and bonds (BC/A, ATLCZ). */
    NOTE("-P"),
    /** A unit: a share sold together with a warrant or right, as SPACs list them (AACT/UN, AACBU). */
    UNIT("-U"),
    /** A warrant to buy the common share (ACONW). */
    WARRANT("-WT"),
    /** A right to receive a fraction of a share. */
    RIGHT("-R");

    private final String yahooSuffix;

    ListingKind(String yahooSuffix) {
        this.yahooSuffix = yahooSuffix;
    }

    /**
     * What Yahoo Finance appends to the root of a US listing of this kind: {@code -P} and the series for preferreds
     * and notes (ABR-PD, TY-P), {@code -U} for units, {@code -WT} for warrants and {@code -R} for rights; empty for a
     * common share, whose class follows a dash (BRK-B).
     */
    public String yahooSuffix() {
        return yahooSuffix;
    }
}
