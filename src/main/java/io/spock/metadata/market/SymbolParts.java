package io.spock.metadata.market;

import io.spock.metadata.market.KindDecision.KindSignal;

import java.util.List;

/**
 * A ticker split into the issuer's root and the series suffix, where the market's symbology has one: US {@code ROOT/S}
 * (KIS's form), a five-letter NASDAQ symbol (root and fifth letter), a five-digit Tokyo code (root and fifth digit).
 *
 * @param slashed the suffix follows a {@code /} (and may be empty: {@code TY/})
 */
record SymbolParts(String ticker, String root, String suffix, boolean suffixed, boolean slashed,
                   List<String> roots) {

    SymbolParts(String ticker, String root, String suffix, boolean suffixed, boolean slashed) {
        this(ticker, root, suffix, suffixed, slashed, suffixed ? List.of(root) : List.of());
    }

    static SymbolParts of(Exchange exchange, String ticker) {
        int slash = ticker.indexOf('/');
        if (slash > 0) {
            return new SymbolParts(ticker, ticker.substring(0, slash), ticker.substring(slash + 1), true, true);
        }
        boolean nasdaqFifth = exchange.code().equals("NAS") && ticker.length() == 5
                && ticker.chars().allMatch(Character::isLetter);
        boolean tokyoFifth = exchange.tickerForm() == TickerForm.TOKYO && ticker.length() == 5;
        if (nasdaqFifth) {
            return new SymbolParts(ticker, ticker.substring(0, 4), ticker.substring(4), true, false,
                    List.of(ticker.substring(0, 4), ticker.substring(0, 3)));
        }
        if (tokyoFifth) {
            return new SymbolParts(ticker, ticker.substring(0, 4), ticker.substring(4), true, false);
        }
        return new SymbolParts(ticker, ticker, "", false, false);
    }

    KindDecision decision(ListingKind kind, boolean depositary, KindSignal signal) {
        if (kind == ListingKind.COMMON) {
            return new KindDecision(kind, slashed ? suffix : "", List.of(), depositary, signal);
        }
        return new KindDecision(kind, suffix, roots, depositary, signal);
    }

    /** The suffix alone decides: the kind's own marker, a bare slash, Nasdaq's fifth letter, or a share class. */
    KindDecision fromSuffix() {
        ListingKind kind = slashed ? switch (suffix) {
            case "UN" -> ListingKind.UNIT;
            case "WS", "WT" -> ListingKind.WARRANT;
            case "RT" -> ListingKind.RIGHT;
            case "" -> ListingKind.PREFERRED;
            default -> ListingKind.COMMON;
        } : switch (suffix) {
            case "U" -> ListingKind.UNIT;
            case "W" -> ListingKind.WARRANT;
            case "R" -> ListingKind.RIGHT;
            case "P" -> ListingKind.PREFERRED;
            default -> Character.isDigit(suffix.charAt(0)) ? ListingKind.PREFERRED : ListingKind.COMMON;
        };
        KindSignal signal = kind != ListingKind.COMMON ? KindSignal.SYMBOL_SUFFIX
                : slashed ? KindSignal.SHARE_CLASS : KindSignal.NONE;
        return decision(kind, false, signal);
    }

    /** The suffix is the kind's own marker rather than a series letter: AACT/UN, XYZ/WS, XYZ/RT. */
    boolean markerOf(ListingKind kind) {
        return switch (kind) {
            case UNIT -> suffix.equals("UN");
            case WARRANT -> suffix.equals("WS") || suffix.equals("WT");
            case RIGHT -> suffix.equals("RT");
            default -> false;
        };
    }
}
