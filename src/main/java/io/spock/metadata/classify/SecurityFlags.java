package io.spock.metadata.classify;

import java.util.regex.Pattern;

/** SPAC and preferred-share detection from names and symbols. */
public final class SecurityFlags {

    /** Whole words only: "Aerospace" or "Acquisitions Holdings" are no SPACs. */
    private static final Pattern SPAC_NAME = Pattern.compile("\\bacquisition\\s+corp(oration)?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHELL_INDUSTRY = Pattern.compile("^shell companies$", Pattern.CASE_INSENSITIVE);
    /** Yahoo writes preferred series as -P plus the series letter: ABR-PD, BAC-PL (a share class is BRK-B). */
    private static final Pattern PREFERRED_SYMBOL = Pattern.compile("-P[A-Z]?$");
    private static final String PREFERRED_KO = "우선주";

    private SecurityFlags() {
    }

    public static boolean isSpac(String name, String industry) {
        return (name != null && name.length() >= 16 && SPAC_NAME.matcher(name).find())
                || (industry != null && SHELL_INDUSTRY.matcher(industry.trim()).matches());
    }

    public static boolean isPreferred(String koreanName, String yahooSymbol) {
        return (koreanName != null && koreanName.contains(PREFERRED_KO))
                || (yahooSymbol != null && PREFERRED_SYMBOL.matcher(yahooSymbol).find());
    }
}
