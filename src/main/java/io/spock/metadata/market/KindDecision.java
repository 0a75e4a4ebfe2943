package io.spock.metadata.market;

import java.util.List;

/**
 * What {@link ListingKinds#decide} made of a listing.
 *
 * @param kind         the listing's kind
 * @param series       the series or class the symbol names ({@code D} of ABR/D, {@code B} of BRK/B, {@code UN} of
 *                     AACT/UN, {@code P} of AGNCP); empty when the symbol names none
 * @param commonTickers the tickers, in KIS's form and the same market, that may be the common share this listing
 *                     belongs to, most likely first: ABR for ABR/D, 2593 for 25935; AGNC then AGN for NASDAQ's
 *                     AGNCP (a five-letter NASDAQ symbol is a four-letter root and a letter, and an issuer with a
 *                     three-letter ticker fills the root with a fourth: VLYPP belongs to VLY). Empty for a common
 *                     share, and when the symbol names none (STRC, a preferred of MSTR with a symbol of its own)
 * @param depositary   the names say this is a depositary receipt (ADR, ADS): Yahoo writes its series as a share
 *                     class (PBR-A, not PBR-PA)
 * @param signal       which signal decided the kind
 */
public record KindDecision(ListingKind kind, String series, List<String> commonTickers, boolean depositary,
                           KindSignal signal) {

    public KindDecision {
        commonTickers = List.copyOf(commonTickers);
    }

    /** A common share with no series: what a listing is when nothing says otherwise. */
    public static final KindDecision PLAIN_COMMON = new KindDecision(ListingKind.COMMON, "", List.of(), false,
            KindSignal.NONE);

    /** The most likely common share ({@link #commonTickers()}), or null when there is none. */
    public String commonTicker() {
        return commonTickers.isEmpty() ? null : commonTickers.get(0);
    }

    public boolean preferred() {
        return kind == ListingKind.PREFERRED;
    }

    /** Which signal of the master file decided the kind; the README counts the real listings each one touches. */
    public enum KindSignal {
        /** KIS's Korean name: 우선주, 채권, 유닛, 워런트, 권리. */
        KOREAN_NAME,
        /** The English name: PFD, PREF…, NOTES, UNIT, C/WTS, RIGHTS; or, after a series suffix, %, SERIES, DEP SHS. */
        ENGLISH_NAME,
        /** The symbol alone: /UN, /WS, /WT, /RT, a trailing /, or Nasdaq's fifth letter U, W, R, P. */
        SYMBOL_SUFFIX,
        /** A share class by its symbol (BRK/B) with no other signal. */
        SHARE_CLASS,
        /** Nothing: a plain common share. */
        NONE
    }
}
