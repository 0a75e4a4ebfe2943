package io.spock.metadata.yahoo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryDelaysTest {

    private static final YahooLookup SERVER_ERROR = new YahooLookup.Transient("Yahoo Finance answered HTTP 500");

    @Test
    void productionDefaultsDoubleFromFiveToTwentySeconds() {
        RetryDelays delays = new RetryDelays(withoutJitter(YahooSettings.Retry.defaults()), () -> 0.5);

        assertThat(delays.before(1, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(5));
        assertThat(delays.before(2, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(10));
        assertThat(delays.before(3, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(20));
        assertThat(delays.before(4, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void jitterMovesTheDelayByAtMostTheFactor() {
        YahooSettings.Retry retry = YahooSettings.Retry.defaults();

        assertThat(new RetryDelays(retry, () -> 0.0).before(1, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(4));
        assertThat(new RetryDelays(retry, () -> 0.5).before(1, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(5));
        assertThat(new RetryDelays(retry, () -> 0.999_999).before(1, SERVER_ERROR))
                .isBetween(Duration.ofMillis(5_999), Duration.ofSeconds(6));
    }

    @Test
    void retryAfterIsUsedAsIsWithoutJitterOrBackoff() {
        RetryDelays delays = new RetryDelays(YahooSettings.Retry.defaults(), () -> 0.0);
        YahooLookup limited = new YahooLookup.RateLimited(Optional.of(Duration.ofSeconds(42)));

        assertThat(delays.before(2, limited)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOff() {
        RetryDelays delays = new RetryDelays(withoutJitter(YahooSettings.Retry.defaults()), () -> 0.3);

        assertThat(delays.before(2, new YahooLookup.RateLimited(Optional.empty()))).isEqualTo(Duration.ofSeconds(10));
    }

    private static YahooSettings.Retry withoutJitter(YahooSettings.Retry retry) {
        return new YahooSettings.Retry(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay(), 0.0,
                retry.maxRetryAfter());
    }
}
