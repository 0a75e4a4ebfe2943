package io.spock.metadata.market;

import java.util.Locale;

/**
 * One spelling of a US symbol for matching lists that write share classes and preferred series differently: KIS
 * {@code BRK/B} and {@code ABR/D}, Nasdaq's screener {@code BRK/B} and {@code ABR^D}, SEC {@code BRK-B}, all become
 * {@code BRK.B} / {@code ABR.D}.
 */
public final class UsSymbol {

    private UsSymbol() {
    }

    /** Upper case, with every class or series separator ({@code / . - ^} and spaces) written as one dot. */
    public static String key(String symbol) {
        return symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT).replaceAll("[/.\\-^\\s]+", ".");
    }
}
