package io.spock.metadata.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite time-stamp text is exactly java.sql.Timestamp's, which jOOQ writes and reads. */
class TimestampTextTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 120, 999, 1_000_000, 100_000_000, 120_000_000, 123_456_789, 999_999_999})
    void writesEveryFractionAsTimestampDoes(int nanos) {
        LocalDateTime time = LocalDateTime.of(2026, 12, 1, 4, 26, 10, nanos);

        assertThat(new TimestampText().of(time)).isEqualTo(Timestamp.valueOf(time).toString());
    }

    @Test
    void writesTheSameAsTimestampForManyTimesInAndAcrossSeconds() {
        TimestampText text = new TimestampText();
        SplittableRandom random = new SplittableRandom(11);
        LocalDateTime time = LocalDateTime.of(1999, 12, 31, 23, 59, 58);
        for (int i = 0; i < 10_000; i++) {
            time = time.plusNanos(random.nextLong(0, 400_000_000L));
            assertThat(text.of(time)).isEqualTo(Timestamp.valueOf(time).toString());
        }
    }
}
