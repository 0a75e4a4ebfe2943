package io.spock.metadata.market;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one canonical way a market writes its tickers, the way KIS's master files write them. Every entry (master
 * files, CSV rows, typed arguments) goes through {@link #canonical(String)}, so that a ticker that lost its zeros in
 * a spreadsheet ({@code 858}) or was written with another share-class separator ({@code BRK.B}) names the same
 * listing as KIS's {@code 000858} and {@code BRK/B}.
 */
public enum TickerForm {
    /**
     * US: letters and digits, then at most one share-class or series suffix after {@code /} (BRK/B, ABR/D, AACT/UN;
     * {@code TY/} with an empty one). A {@code .} or {@code -} in the separator's place becomes {@code /}.
     */
    US("letters and digits, with one share class or series after '/', '.' or '-' (BRK/B)") {
        @Override
        Optional<String> canonicalOf(String text) {
            int separator = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean letterOrDigit = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                if (!letterOrDigit && (separator >= 0 || i == 0 || c != '/' && c != '.' && c != '-')) {
                    return Optional.empty();
                }
                separator = letterOrDigit ? separator : i;
            }
            return Optional.of(separator < 0 || text.charAt(separator) == '/' ? text
                    : text.substring(0, separator) + '/' + text.substring(separator + 1));
        }
    },
    /** Shanghai and Shenzhen: six digits; the zeros a spreadsheet drops are restored ({@code 858} → {@code 000858}). */
    SIX_DIGITS("Shanghai and Shenzhen codes have 6 digits") {
        @Override
        Optional<String> canonicalOf(String text) {
            return zeroPadded(text, 6);
        }
    },
    /** Hong Kong: five digits; the zeros a spreadsheet drops are restored ({@code 1} → {@code 00001}). */
    FIVE_DIGITS("Hong Kong codes have 5 digits") {
        @Override
        Optional<String> canonicalOf(String text) {
            return zeroPadded(text, 5);
        }
    },
    /** Tokyo: four characters (7203, 130A), or five digits for a class share of a four-digit issuer (25935). */
    TOKYO("Tokyo codes have 4 digits or letters (7203, 130A), or 5 digits") {
        private static final Pattern SHAPE = Pattern.compile("[0-9][0-9A-Z]{3}|[0-9]{5}");

        @Override
        Optional<String> canonicalOf(String text) {
            return Optional.of(text).filter(t -> SHAPE.matcher(t).matches());
        }
    },
    /** Ho Chi Minh and Hanoi: letters and digits (VNM, L14, E1VFVN30). */
    LETTERS_AND_DIGITS("Vietnamese codes are letters and digits") {
        private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]+");

        @Override
        Optional<String> canonicalOf(String text) {
            return Optional.of(text).filter(t -> SHAPE.matcher(t).matches());
        }
    };

    /** The store's {@code tickers.ticker} holds 32 characters. */
    public static final int MAX_LENGTH = 32;

    private final String rule;

    TickerForm(String rule) {
        this.rule = rule;
    }

    /**
     * The ticker in this market's canonical form: trimmed, upper case, then the market's rule.
     *
     * @return empty when the text is no ticker of this market (blank, other characters, too long)
     */
    public Optional<String> canonical(String ticker) {
        if (ticker == null) {
            return Optional.empty();
        }
        String text = ticker.strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return canonicalOf(text);
    }

    /** The rule in words, for the message that refuses a ticker. */
    public String rule() {
        return rule;
    }

    abstract Optional<String> canonicalOf(String upperCase);

    private static Optional<String> zeroPadded(String text, int digits) {
        if (text.length() > digits || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of("0".repeat(digits - text.length()) + text);
    }
}
