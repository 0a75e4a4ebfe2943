package io.spock.metadata.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    private final FakeTimeSource time = new FakeTimeSource();

    @ParameterizedTest
    @CsvSource({"1.0, 1, 10", "2.0, 1, 10", "1.0, 3, 10", "0.5, 2, 5"})
    void acquisitionsBeyondTheBurstArePacedByTheRate(double rate, int burst, int acquisitions) throws Exception {
        TokenBucket bucket = new TokenBucket(rate, burst, time);

        for (int i = 0; i < acquisitions; i++) {
            bucket.acquire();
        }

        long expected = Math.round((acquisitions - burst) / rate * 1e9);
        assertThat(time.elapsedNanos()).isGreaterThanOrEqualTo(expected).isLessThanOrEqualTo(expected + acquisitions);
    }

    @Test
    void eachAcquisitionAfterTheBurstHappensOneIntervalAfterThePrevious() throws Exception {
        TokenBucket bucket = new TokenBucket(4.0, 2, time);
        List<Long> grantedAt = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            bucket.acquire();
            grantedAt.add(time.elapsedNanos());
        }

        long interval = Duration.ofMillis(250).toNanos();
        assertThat(grantedAt).containsExactly(0L, 0L, interval, 2 * interval, 3 * interval, 4 * interval);
    }

    @Test
    void idleTimeRefillsUpToTheBurstOnly() throws Exception {
        TokenBucket bucket = new TokenBucket(1.0, 2, time);
        bucket.acquire();
        bucket.acquire();

        time.sleepNanos(Duration.ofMinutes(10).toNanos());
        long idleEnd = time.elapsedNanos();
        bucket.acquire();
        bucket.acquire();
        bucket.acquire();

        assertThat(time.elapsedNanos() - idleEnd).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void rejectsNonPositiveRateAndBurst() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, time)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, time)).isInstanceOf(IllegalArgumentException.class);
    }
}
