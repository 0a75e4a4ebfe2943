package io.spock.metadata.yahoo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.http.FakeTimeSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.yahoo.YahooFixtures.recorded;
import static io.spock.metadata.yahoo.YahooFixtures.stubSession;
import static io.spock.metadata.yahoo.YahooFixtures.stubSummary;
import static io.spock.metadata.yahoo.YahooFixtures.summaryPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Yahoo answers that used to end wrong (issue 13), each with its right value, through the resilient service:
 * an equity without a sector, an outage page on the query host, a 404 under a {@code finance} root, an empty result;
 * and the cache that {@code --force-refresh} goes past.
 */
class YahooOutcomesTest {

    @RegisterExtension
    static WireMockExtension yahoo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingListener listener = new RecordingListener();
    private YahooProfileService service;

    @BeforeEach
    void setUp() {
        stubSession(yahoo);
        YahooSettings settings = YahooFixtures.settingsFor(yahoo);
        service = new YahooProfileService(YahooFixtures.client(settings, listener), settings, listener,
                new FakeTimeSource(), new FakeTicker());
    }

    private static void verifySummaryCalls(int count, String symbol) {
        yahoo.verify(count, getRequestedFor(urlPathEqualTo(summaryPath(symbol))));
    }

    @Test
    void anEquityWithAnEmptySectorIsNoAnswerNotAFund() {
        stubSummary(yahoo, "OCDO.L", recorded("quoteSummary-equity-without-sector"));

        ProfileResult result = service.lookup("OCDO.L");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.NO_SECTOR);
        assertThat(result.kind().isFinal()).as("asked again when stale, not at once").isTrue();
        assertThat(result.reason()).isEqualTo("Yahoo Finance gives no sector for this equity (quoteType EQUITY)");
        assertThat(result.profile().quoteType()).contains("EQUITY");
        assertThat(listener.retryDelays).isEmpty();
    }

    @Test
    void anHtmlOutagePageOnTheQueryHostIsTransientAndRetriedWithBackoff() {
        stubSummary(yahoo, "AAPL", recorded("outage-page"));

        ProfileResult result = service.lookup("AAPL");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.FAILED);
        assertThat(result.reason()).isEqualTo("Yahoo Finance answered with an HTML page instead of JSON (Yahoo)");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(listener.retryDelays).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
        verifySummaryCalls(3, "AAPL");
    }

    @Test
    void a404WithAFinanceErrorRootIsNotFound() {
        stubSummary(yahoo, "ZZZZQ", recorded("quoteSummary-404-finance-error"));

        ProfileResult result = service.lookup("ZZZZQ");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.NOT_FOUND);
        assertThat(result.reason()).isEqualTo("Yahoo Finance: Not Found (Quote not found for symbol: ZZZZQ)");
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void anEmptyResultIsNotFoundAtOnce() {
        stubSummary(yahoo, "ZZZZQ", recorded("quoteSummary-empty-result"));

        ProfileResult result = service.lookup("ZZZZQ");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.NOT_FOUND);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(listener.retryDelays).isEmpty();
        verifySummaryCalls(1, "ZZZZQ");
    }

    @Test
    void refreshingGoesPastTheCacheAndRefreshesItWhileReadingUsesIt() {
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));

        service.lookup("AAPL");
        ProfileResult cached = service.lookup("AAPL", YahooProfileService.CacheUse.READ);
        ProfileResult refreshed = service.lookup("AAPL", YahooProfileService.CacheUse.REFRESH);
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-QQQ"));
        ProfileResult refreshedAgain = service.lookup("AAPL", YahooProfileService.CacheUse.REFRESH);
        ProfileResult readAfterwards = service.lookup("AAPL");

        assertThat(cached.requests()).isZero();
        assertThat(refreshed.requests()).isEqualTo(1);
        assertThat(refreshedAgain.kind()).isEqualTo(ProfileResult.Kind.NOT_APPLICABLE);
        assertThat(readAfterwards.kind()).as("the cache holds the refreshed answer")
                .isEqualTo(ProfileResult.Kind.NOT_APPLICABLE);
        assertThat(readAfterwards.requests()).isZero();
        verifySummaryCalls(3, "AAPL");
    }
}
