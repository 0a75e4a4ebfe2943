package io.spock.metadata.yahoo;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-02-24T09:34:43Z"), ZoneOffset.UTC);

    @Test
    void readsDeltaSeconds() {
        assertThat(RetryAfter.parse(Optional.of(" 120 "), clock)).contains(Duration.ofSeconds(120));
    }

    @Test
    void readsHttpDate() {
        assertThat(RetryAfter.parse(Optional.of("Mon, 24 Feb 2025 09:36:43 GMT"), clock))
                .contains(Duration.ofMinutes(2));
    }

    @Test
    void dateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse(Optional.of("Mon, 24 Feb 2025 09:00:00 GMT"), clock)).contains(Duration.ZERO);
    }

    @Test
    void absentBlankOrUnreadableMeansUnknown() {
        assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of(" "), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("-5"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("99999999999999999999999"), clock)).isEmpty();
    }
}
