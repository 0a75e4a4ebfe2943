package io.spock.metadata.yahoo;

import io.spock.metadata.http.FakeTimeSource;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.yahoo.YahooFixtures.CRUMB;
import static io.spock.metadata.yahoo.YahooFixtures.recorded;
import static io.spock.metadata.yahoo.YahooFixtures.stubSession;
import static io.spock.metadata.yahoo.YahooFixtures.stubSummary;
import static io.spock.metadata.yahoo.YahooFixtures.summaryPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class YahooProfileServiceTest {

    @RegisterExtension
    static WireMockExtension yahoo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingListener listener = new RecordingListener();
    private final FakeTimeSource time = new FakeTimeSource();
    private final FakeTicker ticker = new FakeTicker();
    private YahooSettings settings;

    @BeforeEach
    void setUp() {
        settings = YahooFixtures.settingsFor(yahoo);
        stubSession(yahoo);
    }

    private YahooProfileService service(YahooSettings configured) {
        YahooFinanceClient client = YahooFixtures.client(configured, listener);
        return new YahooProfileService(client, configured, listener, time, ticker);
    }

    private static void verifySummaryCalls(int count, String symbol) {
        yahoo.verify(count, getRequestedFor(urlPathEqualTo(summaryPath(symbol))));
    }

    @Test
    void foundProfileIsReturnedAndCached() {
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));
        YahooProfileService service = service(settings);

        ProfileResult first = service.lookup("AAPL");
        int requestsAfterFirst = yahoo.getAllServeEvents().size();
        ProfileResult second = service.lookup("AAPL");

        assertThat(first.kind()).isEqualTo(ProfileResult.Kind.FOUND);
        assertThat(first.profile().sector()).contains("Technology");
        assertThat(first.reason()).isEqualTo("Yahoo Finance sector Technology, industry Consumer Electronics");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(second.kind()).isEqualTo(ProfileResult.Kind.FOUND);
        assertThat(second.profile()).isEqualTo(first.profile());
        assertThat(second.attempts()).isZero();
        assertThat(yahoo.getAllServeEvents()).hasSize(requestsAfterFirst);
        verifySummaryCalls(1, "AAPL");
    }

    @Test
    void cachedAnswerExpiresAfterTtl() {
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));
        YahooProfileService service = service(settings);

        service.lookup("AAPL");
        ticker.advance(Duration.ofHours(24).minusSeconds(1));
        service.lookup("AAPL");
        verifySummaryCalls(1, "AAPL");

        ticker.advance(Duration.ofSeconds(2));
        assertThat(service.lookup("AAPL").attempts()).isEqualTo(1);
        verifySummaryCalls(2, "AAPL");
    }

    @Test
    void sectorlessProfileIsNotApplicableCachedAndNeverRetried() {
        stubSummary(yahoo, "QQQ", recorded("quoteSummary-QQQ"));
        YahooProfileService service = service(settings);

        ProfileResult result = service.lookup("QQQ");
        service.lookup("QQQ");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.NOT_APPLICABLE);
        assertThat(result.profile().quoteType()).contains("ETF");
        assertThat(result.reason()).isEqualTo("Yahoo Finance has no sector for this symbol (quoteType ETF)");
        verifySummaryCalls(1, "QQQ");
        assertThat(listener.retryDelays).isEmpty();
    }

    @Test
    void notFoundIsCachedAndNeverRetried() {
        stubSummary(yahoo, "ADH", recorded("quoteSummary-404-not-found"));
        YahooProfileService service = service(settings);

        ProfileResult result = service.lookup("ADH");
        service.lookup("ADH");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.NOT_FOUND);
        assertThat(result.profile()).isNull();
        verifySummaryCalls(1, "ADH");
    }

    @Test
    void transientFailuresAreRetriedWithDoublingBackoffAndBoundedAttempts() {
        stubSummary(yahoo, "AAPL", aResponse().withStatus(503));
        YahooSettings fourAttempts = settings.toBuilder().retry(4, Duration.ofMillis(5), Duration.ofMillis(20))
                .build();
        YahooProfileService service = service(fourAttempts);

        ProfileResult result = service.lookup("AAPL");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.FAILED);
        assertThat(result.reason()).isEqualTo("Yahoo Finance answered HTTP 503");
        assertThat(result.attempts()).isEqualTo(4);
        verifySummaryCalls(4, "AAPL");
        assertThat(listener.retryDelays)
                .containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void failuresAreNotCached() {
        stubSummary(yahoo, "AAPL", aResponse().withStatus(500));
        YahooProfileService service = service(settings.toBuilder()
                .retry(1, Duration.ofMillis(5), Duration.ofMillis(20)).build());

        service.lookup("AAPL");
        service.lookup("AAPL");

        verifySummaryCalls(2, "AAPL");
    }

    @Test
    void transientFailureFollowedBySuccessIsFound() {
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("AAPL"))).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("healthy")
                .willReturn(aResponse().withStatus(500)));
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("AAPL"))).inScenario("flaky")
                .whenScenarioStateIs("healthy").withQueryParam("crumb", equalTo(CRUMB))
                .willReturn(recorded("quoteSummary-AAPL")));
        YahooProfileService service = service(settings);

        ProfileResult result = service.lookup("AAPL");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.FOUND);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(listener.requests).containsExactly("ok", "ok", "server_error", "ok");
    }

    @Test
    void rateLimitedWithRetryAfterWaitsThatLongInsteadOfBackoff() {
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("AAPL"))).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("AAPL"))).inScenario("limited")
                .whenScenarioStateIs("calm").willReturn(recorded("quoteSummary-AAPL")));
        YahooProfileService service = service(settings);

        ProfileResult result = service.lookup("AAPL");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.FOUND);
        assertThat(listener.retryDelays).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitedWithoutRetryAfterUsesBackoffAndEndsDeferred() {
        stubSummary(yahoo, "AAPL", aResponse().withStatus(429));
        YahooProfileService service = service(settings);

        ProfileResult result = service.lookup("AAPL");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.DEFERRED);
        assertThat(result.reason()).isEqualTo("Yahoo Finance rate limited");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(listener.retryDelays).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void retryAfterLongerThanAllowedIsDeferredWithoutWaiting() {
        stubSummary(yahoo, "AAPL", aResponse().withStatus(429).withHeader("Retry-After", "3600"));
        YahooProfileService service = service(settings);

        ProfileResult result = service.lookup("AAPL");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.DEFERRED);
        assertThat(result.reason()).isEqualTo("Yahoo Finance rate limited (Retry-After 3600 s)");
        assertThat(listener.retryDelays).isEmpty();
        verifySummaryCalls(1, "AAPL");
    }

    @Test
    void consentPageFailsWithoutRetry() {
        stubSummary(yahoo, "AAPL", recorded("consent-page"));
        YahooProfileService service = service(settings);

        ProfileResult result = service.lookup("AAPL");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.FAILED);
        assertThat(result.reason()).startsWith("Yahoo Finance returned a consent page");
        verifySummaryCalls(1, "AAPL");
    }

    @Test
    void breakerOpensAtExactlyFiveConsecutiveFailuresThenDefersWithoutHttp() {
        stubSummary(yahoo, "AAPL", aResponse().withStatus(500));
        YahooProfileService service = service(settings);

        ProfileResult first = service.lookup("AAPL");
        assertThat(first.attempts()).isEqualTo(3);
        assertThat(service.circuitState()).isEqualTo("closed");

        ProfileResult second = service.lookup("AAPL");
        assertThat(second.kind()).isEqualTo(ProfileResult.Kind.FAILED);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(service.circuitState()).isEqualTo("open");
        assertThat(listener.breakerStates).containsExactly("open");
        verifySummaryCalls(5, "AAPL");

        int requestsWhenOpened = yahoo.getAllServeEvents().size();
        long fakeNanosWhenOpened = time.elapsedNanos();
        ProfileResult deferred = service.lookup("MSFT");

        assertThat(deferred.kind()).isEqualTo(ProfileResult.Kind.DEFERRED);
        assertThat(deferred.reason()).isEqualTo("Yahoo Finance circuit open: Yahoo Finance answered HTTP 500");
        assertThat(deferred.attempts()).isZero();
        assertThat(yahoo.getAllServeEvents()).hasSize(requestsWhenOpened);
        assertThat(time.elapsedNanos()).isEqualTo(fakeNanosWhenOpened);
    }

    @Test
    void successesResetTheConsecutiveFailureCount() {
        stubSummary(yahoo, "AAPL", aResponse().withStatus(500));
        stubSummary(yahoo, "QQQ", recorded("quoteSummary-QQQ"));
        YahooSettings oneAttempt = settings.toBuilder().retry(1, Duration.ofMillis(5), Duration.ofMillis(20))
                .build();
        YahooProfileService service = service(oneAttempt);

        for (int i = 0; i < 4; i++) {
            service.lookup("AAPL");
        }
        service.lookup("QQQ");
        for (int i = 0; i < 4; i++) {
            service.lookup("AAPL");
        }

        assertThat(service.circuitState()).isEqualTo("closed");
        service.lookup("AAPL");
        assertThat(service.circuitState()).isEqualTo("open");
    }

    @Test
    void halfOpenCircuitClosesAfterOneSuccess() {
        stubSummary(yahoo, "AAPL", aResponse().withStatus(500));
        YahooProfileService service = service(settings);
        service.lookup("AAPL");
        service.lookup("AAPL");
        assertThat(service.circuitState()).isEqualTo("open");

        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));
        service.circuitBreaker().halfOpen();
        assertThat(service.circuitState()).isEqualTo("half_open");

        ProfileResult result = service.lookup("AAPL");

        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.FOUND);
        assertThat(service.circuitState()).isEqualTo("closed");
        assertThat(listener.breakerStates).containsExactly("open", "half_open", "closed");
    }

    @Test
    void halfOpenCircuitReopensOnFailure() {
        stubSummary(yahoo, "AAPL", aResponse().withStatus(500));
        YahooProfileService service = service(settings);
        service.lookup("AAPL");
        service.lookup("AAPL");
        service.circuitBreaker().halfOpen();

        ProfileResult trial = service.lookup("AAPL");

        assertThat(trial.attempts()).isEqualTo(1);
        assertThat(service.circuitState()).isEqualTo("open");
        verifySummaryCalls(6, "AAPL");
    }

    @Test
    void everyLookupTakesARateLimiterToken() {
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));
        stubSummary(yahoo, "QQQ", recorded("quoteSummary-QQQ"));
        stubSummary(yahoo, "ADH", recorded("quoteSummary-404-not-found"));
        YahooProfileService service = service(settings.toBuilder().rate(2.0, 1).build());

        service.lookup("AAPL");
        service.lookup("QQQ");
        service.lookup("ADH");

        assertThat((double) time.elapsedNanos())
                .isCloseTo(Duration.ofSeconds(1).toNanos() / YahooProfileService.PACING, within(10.0));
    }
}
