package io.spock.metadata.market;

/** How a KIS symbol becomes the symbol Yahoo Finance knows. */
public enum SymbolRule {
    /** Share classes and preferred series written with a slash or dot: BRK/B → BRK-B, preferred ABR/D → ABR-PD. */
    US_CLASSES {
        @Override
        String toYahoo(String symbol, boolean preferred) {
            String[] parts = symbol.split("[/.]", 2);
            if (parts.length == 1) {
                return symbol;
            }
            return parts[0] + (preferred ? "-P" : "-") + parts[1];
        }
    },
    /** Hong Kong codes: KIS writes 00700 and 09988; Yahoo wants four digits (0700, 9988); 10000 and above stay. */
    HK_NUMERIC {
        @Override
        String toYahoo(String symbol, boolean preferred) {
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
        String toYahoo(String symbol, boolean preferred) {
            return symbol;
        }
    };

    abstract String toYahoo(String symbol, boolean preferred);
}
