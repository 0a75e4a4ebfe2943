package io.spock.metadata.yahoo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.spock.metadata.http.FakeTimeSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.yahoo.YahooFixtures.COOKIE_PATH;
import static io.spock.metadata.yahoo.YahooFixtures.CRUMB;
import static io.spock.metadata.yahoo.YahooFixtures.CRUMB_PATH;
import static io.spock.metadata.yahoo.YahooFixtures.recorded;
import static io.spock.metadata.yahoo.YahooFixtures.stubSummary;
import static io.spock.metadata.yahoo.YahooFixtures.summaryPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared session: User-Agent candidates tried in order, the first that gets a crumb kept for the run; reopened
 * at most once a minute (on fake time).
 */
class YahooSessionTest {

    private static final String PLAIN_MOZILLA = "Mozilla/5\\.0 \\(\\d{6}\\)";

    @RegisterExtension
    static WireMockExtension yahoo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingListener listener = new RecordingListener();
    private final FakeTimeSource time = new FakeTimeSource();
    private YahooSession session;
    private YahooFinanceClient client;

    @BeforeEach
    void setUp() {
        YahooSettings settings = YahooFixtures.settingsFor(yahoo);
        session = new YahooSession(settings, listener, time, Clock.systemUTC());
        client = new YahooFinanceClient(session, settings, listener);
        yahoo.stubFor(get(urlPathEqualTo(COOKIE_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Set-Cookie", "A3=d=AQABBtestcookie; Path=/; HttpOnly")));
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));
    }

    private YahooLookup lookup() {
        return client.lookup("AAPL", YahooClient.Gate.OPEN);
    }

    private void crumbRefusedFor(String userAgentPattern) {
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).atPriority(1)
                .withHeader("User-Agent", matching(userAgentPattern))
                .willReturn(aResponse().withStatus(429).withBody("Too Many Requests")));
    }

    @Test
    void aStandInThatRefusesTheFirstUserAgentGetsTheSecondWhichIsKeptForTheRun() {
        crumbRefusedFor(PLAIN_MOZILLA);
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).atPriority(5).willReturn(recorded("getcrumb")));

        assertThat(lookup()).isInstanceOf(YahooLookup.Found.class);
        assertThat(lookup()).isInstanceOf(YahooLookup.Found.class);

        assertThat(session.userAgent()).contains("Chrome/");
        yahoo.verify(1, getRequestedFor(urlPathEqualTo(CRUMB_PATH)).withHeader("User-Agent", matching(PLAIN_MOZILLA)));
        yahoo.verify(1, getRequestedFor(urlPathEqualTo(CRUMB_PATH)).withHeader("User-Agent", containing("Chrome/")));
        yahoo.verify(2, getRequestedFor(urlPathEqualTo(summaryPath("AAPL")))
                .withHeader("User-Agent", containing("Chrome/")).withQueryParam("crumb", equalTo(CRUMB)));
        assertThat(listener.exchanges).containsExactly("cookie:ok", "crumb:rate_limited", "cookie:ok", "crumb:ok",
                "quoteSummary:ok", "quoteSummary:ok");
    }

    @Test
    void whenEveryUserAgentIsRefusedYahooWaitsAMinuteBeforeTheSessionIsTriedAgain() {
        crumbRefusedFor(".*");

        YahooLookup first = lookup();
        int requests = yahoo.getAllServeEvents().size();
        YahooLookup meanwhile = lookup();

        assertThat(first).isEqualTo(new YahooLookup.RateLimited(Optional.empty()));
        assertThat(meanwhile).isInstanceOf(YahooLookup.NoSession.class);
        assertThat(meanwhile.describe()).isEqualTo("Yahoo Finance session not open (Yahoo Finance rate limited); it "
                + "is reopened at most once a minute");
        assertThat(meanwhile.isRetryable()).isFalse();
        assertThat(meanwhile.isFailure()).as("no request was made").isFalse();
        assertThat(yahoo.getAllServeEvents()).hasSize(requests);

        time.sleepNanos(YahooSession.REOPEN_INTERVAL.toNanos());
        lookup();

        assertThat(yahoo.getAllServeEvents()).as("both candidates tried again").hasSize(2 * requests);
    }

    @Test
    void aRefusedCrumbReopensTheSessionOnceAndNotAgainWithinAMinute() {
        // the first two crumbs are refused for AAPL, the third is not
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).inScenario("crumbs").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody("firstCrumb1")).willSetStateTo("second"));
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).inScenario("crumbs").whenScenarioStateIs("second")
                .willReturn(aResponse().withBody("secondCrumb")).willSetStateTo("third"));
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).inScenario("crumbs").whenScenarioStateIs("third")
                .willReturn(aResponse().withBody(CRUMB)));
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("AAPL"))).atPriority(1)
                .withQueryParam("crumb", matching("firstCrumb1|secondCrumb"))
                .willReturn(recorded("quoteSummary-401-invalid-crumb")));

        YahooLookup refusedTwice = lookup();
        YahooLookup withinTheMinute = lookup();
        time.sleepNanos(Duration.ofSeconds(61).toNanos());
        YahooLookup aMinuteLater = lookup();

        assertThat(refusedTwice).isEqualTo(new YahooLookup.Rejected(401,
                "Yahoo Finance rejected a fresh cookie and crumb: Invalid Crumb"));
        assertThat(withinTheMinute).isEqualTo(new YahooLookup.NoSession("Yahoo Finance refused the crumb of a session"
                + " opened less than a minute ago; it is reopened at most once a minute"));
        assertThat(aMinuteLater).isInstanceOf(YahooLookup.Found.class);
        yahoo.verify(3, getRequestedFor(urlPathEqualTo(CRUMB_PATH)));
        yahoo.verify(5, getRequestedFor(urlPathEqualTo(summaryPath("AAPL"))));
    }

    @Test
    void oneSymbolRefusedWithEveryCrumbDoesNotCostTheOthersTheirSession() {
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).inScenario("crumbs").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody("firstCrumb1")).willSetStateTo("second"));
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).inScenario("crumbs").whenScenarioStateIs("second")
                .willReturn(aResponse().withBody(CRUMB)));
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("BAD"))).willReturn(recorded("quoteSummary-401-invalid-crumb")));
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("AAPL"))).atPriority(1)
                .withQueryParam("crumb", equalTo("firstCrumb1")).willReturn(recorded("quoteSummary-401-invalid-crumb")));

        YahooLookup bad = client.lookup("BAD", YahooClient.Gate.OPEN);
        YahooLookup badAgain = client.lookup("BAD", YahooClient.Gate.OPEN);
        YahooLookup others = lookup();

        assertThat(bad).isInstanceOf(YahooLookup.Rejected.class);
        assertThat(badAgain).isInstanceOf(YahooLookup.NoSession.class);
        assertThat(others).as("the renewed crumb is kept for the others").isInstanceOf(YahooLookup.Found.class);
        yahoo.verify(2, getRequestedFor(urlPathEqualTo(CRUMB_PATH)));
    }
}
