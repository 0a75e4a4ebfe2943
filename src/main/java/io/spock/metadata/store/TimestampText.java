package io.spock.metadata.store;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A time stamp as the text SQLite keeps, exactly {@code Timestamp.valueOf(time).toString()} (the form jOOQ writes
 * and reads): {@code 2026-12-01 04:26:10.123} with the fraction's trailing zeros cut, {@code .0} for a whole second.
 * {@code Timestamp} builds it through calendars, which cost more per row than SQLite's insert on the KIS path; here
 * the seconds are formatted once per second seen (the last one is kept) and the fraction is appended.
 *
 * <p>One instance per writer: not thread-safe.
 */
final class TimestampText {

    private LocalDateTime second;
    private String secondText;

    /** @return the text of {@code time}, equal to {@code Timestamp.valueOf(time).toString()} */
    String of(LocalDateTime time) {
        LocalDateTime whole = time.truncatedTo(ChronoUnit.SECONDS);
        if (!whole.equals(second)) {
            second = whole;
            String text = Timestamp.valueOf(whole).toString();
            secondText = text.substring(0, text.length() - ".0".length());
        }
        return secondText + '.' + fraction(time.getNano());
    }

    /** The nanoseconds as {@code Timestamp.toString} writes them: nine digits less the trailing zeros, or 0. */
    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "0";
        }
        String digits = Integer.toString(nanos);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "0".repeat(9 - digits.length()) + digits.substring(0, end);
    }
}
