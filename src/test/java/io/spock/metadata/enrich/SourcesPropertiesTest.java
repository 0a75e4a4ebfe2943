package io.spock.metadata.enrich;

import io.spock.metadata.app.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk sources' settings are checked before anything is fetched: one line naming the setting and its value. */
class SourcesPropertiesTest {

    private static final SourcesProperties D = SourcesProperties.defaults();

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(new SourcesProperties(new SourcesProperties.Jpx(true, null, Duration.ZERO), D.nasdaq(),
                        D.sec(), D.yahooScreener(), D.deadline(), D.maxBytes()),
                        "spock.sources.jpx.max-age: must be more than 0, not PT0S"),
                Arguments.of(new SourcesProperties(D.jpx(), D.nasdaq(), new SourcesProperties.Sec(true, null, null,
                        null, D.sec().maxAge(), Duration.ofDays(-1), 10), D.yahooScreener(), D.deadline(),
                        D.maxBytes()), "spock.sources.sec.company-max-age: must be more than 0, not PT-24H"),
                Arguments.of(new SourcesProperties(D.jpx(), D.nasdaq(), new SourcesProperties.Sec(true, null, null,
                        null, D.sec().maxAge(), D.sec().companyMaxAge(), 11), D.yahooScreener(), D.deadline(),
                        D.maxBytes()), "spock.sources.sec.rate: must be more than 0 and at most 10 (SEC's "
                        + "fair-access limit), not 11.0"),
                Arguments.of(new SourcesProperties(D.jpx(), D.nasdaq(), D.sec(), new SourcesProperties.YahooScreener(
                        true, null, D.yahooScreener().maxAge(), 0), D.deadline(), D.maxBytes()),
                        "spock.sources.yahoo-screener.page-size: must be 1-250 (Yahoo's largest page), not 0"),
                Arguments.of(new SourcesProperties(D.jpx(), D.nasdaq(), D.sec(), D.yahooScreener(),
                        Duration.ofSeconds(-5), D.maxBytes()), "spock.sources.deadline: must be more than 0, not PT-5S"),
                Arguments.of(new SourcesProperties(D.jpx(), D.nasdaq(), D.sec(), D.yahooScreener(), D.deadline(), 0),
                        "spock.sources.max-bytes: must be at least 1, not 0"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aBadSettingIsOneLineNamingIt(SourcesProperties settings, String message) {
        assertThatThrownBy(settings::validated).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void theDefaultsAreValid() {
        assertThat(D.validated()).isSameAs(D);
        assertThat(SourcesProperties.switchedOff().validated().jpx().enabled()).isFalse();
    }
}
