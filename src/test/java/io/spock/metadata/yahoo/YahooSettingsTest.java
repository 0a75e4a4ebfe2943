package io.spock.metadata.yahoo;

import io.spock.metadata.app.InvalidSettingException;
import io.spock.metadata.app.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

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
        assertThat(settings.proxy()).isEmpty();
    }

    @Test
    void theBuilderChangesOnlyWhatItIsTold() {
        YahooSettings changed = YahooSettings.builder().rate(5.0, 2).httpsProxy("http://proxy:3128").build();

        assertThat(changed.requestsPerSecond()).isEqualTo(5.0);
        assertThat(changed.burst()).isEqualTo(2);
        assertThat(changed.proxy()).contains("http://proxy:3128");
        assertThat(changed.toBuilder().rate(1.0, 1).build())
                .isEqualTo(YahooSettings.builder().httpsProxy("http://proxy:3128").build());
    }

    @Test
    void theSpockYahooSettingsBindOntoTheOneRecordUnderTheirDocumentedNames() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spock.yahoo.url", "http://127.0.0.1:9")
                .withProperty("spock.yahoo.rate", "2.5")
                .withProperty("spock.yahoo.max-in-flight", "3")
                .withProperty("spock.yahoo.retry.jitter", "0.1")
                .withProperty("spock.yahoo.breaker.failures", "7")
                .withProperty("spock.yahoo.cache.max-entries", "10");

        YahooSettings bound = new Settings(environment).bind(YahooSettings.PREFIX, YahooSettings.class);

        assertThat(bound.queryBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(bound.requestsPerSecond()).isEqualTo(2.5);
        assertThat(bound.maxInFlight()).isEqualTo(3);
        assertThat(bound.retry().jitterFactor()).isEqualTo(0.1);
        assertThat(bound.breaker().failureThreshold()).isEqualTo(7);
        assertThat(bound.cache().maxEntries()).isEqualTo(10);
        assertThat(bound.cookieUrl()).isEqualTo(YahooSettings.defaults().cookieUrl());
    }

    @Test
    void aValueOutOfRangeNamesTheSettingTheValueAndWhatIsExpected() {
        assertThatThrownBy(() -> YahooSettings.builder().rate(0, 1).build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("setting spock.yahoo.rate (SPOCK_YAHOO_RATE) is '0.0': expected a number of requests "
                        + "per second above 0");
        assertThatThrownBy(() -> YahooSettings.builder().maxInFlight(0).build())
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("spock.yahoo.max-in-flight");
        assertThatThrownBy(() -> new YahooSettings.Retry(0, Duration.ofSeconds(1), Duration.ofSeconds(2), 0,
                Duration.ofSeconds(1)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("spock.yahoo.retry.max-attempts");
        assertThatThrownBy(() -> YahooSettings.builder().queryBaseUrl(URI.create("query2.finance.yahoo.com")).build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("spock.yahoo.url (SPOCK_YAHOO_URL) is 'query2.finance.yahoo.com': expected an "
                        + "http or https URL");
    }

    @Test
    void aValueThatIsNotEvenANumberIsNamedLikeAnyOther() {
        MockEnvironment environment = new MockEnvironment().withProperty("spock.yahoo.rate", "abc");

        assertThatThrownBy(() -> new Settings(environment).bind(YahooSettings.PREFIX, YahooSettings.class))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("setting spock.yahoo.rate (SPOCK_YAHOO_RATE) is 'abc': expected a number");
    }
}
