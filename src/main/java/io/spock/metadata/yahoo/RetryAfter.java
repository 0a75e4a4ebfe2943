package io.spock.metadata.yahoo;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: either delta-seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** Returns the delay the server asked for; empty when the header is absent or unreadable. */
    static Optional<Duration> parse(Optional<String> headerValue, Clock clock) {
        return headerValue.map(String::strip).filter(v -> !v.isEmpty()).flatMap(v -> parse(v, clock));
    }

    private static Optional<Duration> parse(String value, Clock clock) {
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration untilThen = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(untilThen.isNegative() ? Duration.ZERO : untilThen);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
