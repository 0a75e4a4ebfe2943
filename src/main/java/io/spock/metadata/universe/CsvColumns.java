package io.spock.metadata.universe;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;

/** The documented CSV layout of the universe, shared by export and import. */
final class CsvColumns {

    static final String REGION = "region";
    static final String EXCHANGE = "exchange";
    static final String TICKER = "ticker";
    static final String NAME_EN = "name_en";
    static final String NAME_KO = "name_ko";
    static final String SECURITY_TYPE = "security_type";
    static final String KIS_CODE = "kis_code";
    static final String YAHOO_SYMBOL = "yahoo_symbol";
    static final String SECTOR_CODE = "sector_code";
    static final String SECTOR_EN = "sector_en";
    static final String SECTOR_KO = "sector_ko";
    static final String INDUSTRY = "industry";
    static final String IS_SPAC = "is_spac";
    static final String IS_PREFERRED = "is_preferred";
    static final String SOURCE = "source";
    static final String CONFIDENCE = "confidence";
    static final String STATUS = "status";
    static final String LAST_ENRICHED = "last_enriched";
    static final String DELISTED = "delisted";

    /** Every column, in the order export writes them. */
    static final List<String> ALL = List.of(REGION, EXCHANGE, TICKER, NAME_EN, NAME_KO, SECURITY_TYPE, KIS_CODE,
            YAHOO_SYMBOL, SECTOR_CODE, SECTOR_EN, SECTOR_KO, INDUSTRY, IS_SPAC, IS_PREFERRED, SOURCE, CONFIDENCE, STATUS,
            LAST_ENRICHED, DELISTED);

    /** The columns an import cannot do without. */
    static final List<String> REQUIRED = List.of(EXCHANGE, TICKER);

    /** {@code 2025-10-17 09:30:00.123456}: the fraction is written only when there is one, and read back exactly. */
    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    private CsvColumns() {
    }

    static String format(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /**
     * Parses {@link #TIME}. The common form without a fraction is read field by field: the formatter cost more than
     * the rest of a row's validation.
     *
     * @throws java.time.DateTimeException when the text is no such time
     */
    static LocalDateTime parseTime(String text) {
        if (text.length() == 19 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == ' '
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                    digits(text, 14, 16), digits(text, 17, 19));
        }
        return LocalDateTime.parse(text, TIME);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit: " + c);
            }
            value = value * 10 + c - '0';
        }
        return value;
    }
}
