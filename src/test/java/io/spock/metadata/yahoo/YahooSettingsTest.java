package io.spock.metadata.yahoo;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YahooSettingsTest {

    @Test
    void defaultsMatchTheAgreedProductionValues() {
        YahooSettings settings = YahooSettings.defaults();

        assertThat(settings.queryBaseUrl()).isEqualTo(URI.create("https://query2.finance.yahoo.com"));
        assertThat(settings.cookieUrl()).isEqualTo(URI.create("https://fc.yahoo.com"));
        assertThat(settings.requestsPerSecond()).isEqualTo(1.0);
        assertThat(settings.burst()).isEqualTo(1);
        assertThat(settings.userAgents()).hasSize(2);
        assertThat(settings.userAgents().get(0)).isEqualTo("Mozilla/5.0 ({digits})");
        assertThat(settings.userAgents().get(1)).contains("Chrome/");
        assertThat(settings.search()).isTrue();
        assertThat(settings.maxInFlight()).isEqualTo(8);
        assertThat(settings.retry().maxAttempts()).isEqualTo(3);
        assertThat(settings.retry().initialDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retry().maxDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.breaker().failureThreshold()).isEqualTo(5);
        assertThat(settings.breaker().delay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.cache().ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.cache().maxEntries()).isEqualTo(20_000);
        assertThat(settings.httpsProxy()).isEmpty();
    }

    @Test
    void withersChangeOnlyTheirField() {
        YahooSettings changed = YahooSettings.defaults().withRate(5.0, 2).withHttpsProxy("http://proxy:3128");

        assertThat(changed.requestsPerSecond()).isEqualTo(5.0);
        assertThat(changed.burst()).isEqualTo(2);
        assertThat(changed.httpsProxy()).contains("http://proxy:3128");
        assertThat(changed.withRate(1.0, 1)).isEqualTo(YahooSettings.defaults().withHttpsProxy("http://proxy:3128"));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> YahooSettings.defaults().withRate(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YahooSettings.defaults().withMaxInFlight(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YahooSettings.defaults().withUserAgents(java.util.List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YahooSettings.Retry(0, Duration.ofSeconds(1), Duration.ofSeconds(2), 0,
                Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
