package io.spock.metadata.market;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling of a US symbol for matching lists that write share classes and preferred series differently: KIS
 * {@code BRK/B} and {@code ABR/D}, Nasdaq's screener {@code BRK/B} and {@code ABR^D}, SEC {@code BRK-B}, all become
 * {@code BRK.B} / {@code ABR.D}.
 */
public final class UsSymbol {

    private static final Pattern SEPARATORS = Pattern.compile("[/.\\-^\\s]+");

    private UsSymbol() {
    }

    /** Upper case, with every class or series separator ({@code / . - ^} and spaces) written as one dot. */
    public static String key(String symbol) {
        return symbol == null ? "" : SEPARATORS.matcher(symbol.strip().toUpperCase(Locale.ROOT)).replaceAll(".");
    }
}
