package io.spock.metadata.market;

/** How a KIS symbol becomes the symbol Yahoo Finance knows. */
public enum SymbolRule {
    /**
     * US listings. A symbol without a suffix is Yahoo's as it is (AAPL, and NASDAQ's five-letter AGNCP, AACBU). After
     * KIS's {@code /}: a share class follows a dash (BRK/B → BRK-B, depositary PBR/A → PBR-A); a preferred or note
     * takes {@code -P} and its series (ABR/D → ABR-PD, TY/ → TY-P); a unit, warrant or right written with its own
     * marker takes the kind's suffix (AACT/UN → AACT-U); see {@link ListingKind#yahooSuffix()}.
     */
    US_CLASSES {
        @Override
        String toYahoo(String symbol, KindDecision kind) {
            int slash = symbol.indexOf('/');
            if (slash < 0) {
                return symbol;
            }
            String root = symbol.substring(0, slash);
            String suffix = symbol.substring(slash + 1);
            SymbolParts parts = new SymbolParts(symbol, root, suffix, true, true);
            if (parts.markerOf(kind.kind())) {
                return root + kind.kind().yahooSuffix();
            }
            if (suffix.isEmpty()) {
                return root + "-P";
            }
            if (kind.kind() == ListingKind.COMMON || kind.depositary()) {
                return root + "-" + suffix;
            }
            return root + "-P" + suffix;
        }
    },
    /** Hong Kong codes: KIS writes 00700 and 09988; Yahoo wants four digits (0700, 9988); 10000 and above stay. */
    HK_NUMERIC {
        @Override
        String toYahoo(String symbol, KindDecision kind) {
            if (!symbol.chars().allMatch(Character::isDigit)) {
                return symbol;
            }
            String stripped = symbol.replaceFirst("^0+(?=.)", "");
            return stripped.length() >= 4 ? stripped : "0".repeat(4 - stripped.length()) + stripped;
        }
    },
    /** The symbol is used as it is (leading zeros kept: Shenzhen 000858 never becomes 858). */
    AS_IS {
        @Override
        String toYahoo(String symbol, KindDecision kind) {
            return symbol;
        }
    };

    abstract String toYahoo(String symbol, KindDecision kind);
}
