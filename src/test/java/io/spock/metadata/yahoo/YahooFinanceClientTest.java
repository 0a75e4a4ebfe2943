package io.spock.metadata.yahoo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.spock.metadata.http.Utf8Body;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import static io.spock.metadata.yahoo.YahooFixtures.stubSession;
import static io.spock.metadata.yahoo.YahooFixtures.stubSummary;
import static io.spock.metadata.yahoo.YahooFixtures.summaryPath;
import static org.assertj.core.api.Assertions.assertThat;

class YahooFinanceClientTest {

    @RegisterExtension
    static WireMockExtension yahoo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingListener listener = new RecordingListener();
    private YahooFinanceClient client;

    @BeforeEach
    void setUp() {
        client = YahooFixtures.client(YahooFixtures.settingsFor(yahoo), listener);
    }

    private YahooLookup lookup(String symbol) {
        return client.lookup(symbol, YahooClient.Gate.OPEN);
    }

    @Test
    void profileWithSectorIsFoundAndRequestCarriesCookieCrumbAndModules() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.Found.class);
        YahooProfile profile = ((YahooLookup.Found) outcome).profile();
        assertThat(profile.sector()).contains("Technology");
        assertThat(profile.industry()).contains("Consumer Electronics");
        assertThat(profile.quoteType()).contains("EQUITY");
        assertThat(profile.longName()).contains("Apple Inc.");
        assertThat(profile.shortName()).contains("Apple Inc.");
        yahoo.verify(getRequestedFor(urlPathEqualTo(summaryPath("AAPL")))
                .withQueryParam("modules", equalTo("assetProfile,quoteType"))
                .withQueryParam("formatted", equalTo("false"))
                .withQueryParam("crumb", equalTo(CRUMB))
                .withHeader("Cookie", containing("A3=d=AQABBtestcookie"))
                .withHeader("User-Agent", matching("Mozilla/5\\.0 \\(\\d{6}\\)")));
        assertThat(listener.requests).containsExactly("ok", "ok", "ok");
    }


    /** Issue 16: invalid UTF-8 from Yahoo became U+FFFD silently. */
    @Test
    void aBodyThatIsNotUtf8IsReadWithReplacementsAndLoggedWithTheSymbol() {
        Logger logger = (Logger) LoggerFactory.getLogger(Utf8Body.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        Level before = logger.getLevel();
        logger.setLevel(Level.WARN); // the unit tests' logback configuration turns every logger off
        byte[] body = YahooFixtures.recordedBody("quoteSummary-AAPL").getBytes(StandardCharsets.UTF_8);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        body[text.indexOf("Consumer Electronics")] = (byte) 0xFF;
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body));

        YahooLookup outcome = client.lookup("AAPL", YahooClient.Gate.OPEN);
        logger.detachAppender(logged);
        logger.setLevel(before);

        assertThat(outcome).isInstanceOfSatisfying(YahooLookup.Found.class,
                found -> assertThat(found.profile().industry()).contains("\uFFFDonsumer Electronics"));
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Yahoo Finance answered invalid UTF-8 for AAPL: the bytes were replaced by U+FFFD");
    }

    @Test
    void profileWithoutSectorIsNoSector() {
        stubSession(yahoo);
        stubSummary(yahoo, "QQQ", recorded("quoteSummary-QQQ"));

        YahooLookup outcome = lookup("QQQ");

        assertThat(outcome).isInstanceOf(YahooLookup.NoSector.class);
        YahooProfile profile = ((YahooLookup.NoSector) outcome).profile();
        assertThat(profile.sector()).isEmpty();
        assertThat(profile.industry()).isEmpty();
        assertThat(profile.quoteType()).contains("ETF");
        assertThat(listener.requests).last().isEqualTo("no_sector");
    }

    @Test
    void notFoundErrorCodeIsNotFound() {
        stubSession(yahoo);
        stubSummary(yahoo, "ADH", recorded("quoteSummary-404-not-found"));

        YahooLookup outcome = lookup("ADH");

        assertThat(outcome).isInstanceOf(YahooLookup.NotFound.class);
        assertThat(outcome.describe()).contains("No fundamentals data found");
        assertThat(listener.requests).last().isEqualTo("not_found");
    }

    @Test
    void notFoundWithoutErrorCodeIsNotTakenAsNotFound() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"quoteSummary\":{\"result\":[],\"error\":null}}"));

        assertThat(lookup("AAPL")).isInstanceOf(YahooLookup.Rejected.class);
    }

    @Test
    void symbolIsPercentEncodedInThePath() {
        stubSession(yahoo);
        yahoo.stubFor(get(urlPathEqualTo("/v10/finance/quoteSummary/%5EVXAPL"))
                .willReturn(recorded("quoteSummary-404-not-found")));

        assertThat(lookup("^VXAPL")).isInstanceOf(YahooLookup.NotFound.class);
    }

    @Test
    void invalidCrumbFetchesNewCookieAndCrumbAndRetriesOnce() {
        yahoo.stubFor(get(COOKIE_PATH).willReturn(aResponse().withStatus(404)
                .withHeader("Set-Cookie", "A3=d=first; Path=/")));
        yahoo.stubFor(get(CRUMB_PATH).inScenario("crumbs").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody("staleCrumb1")).willSetStateTo("renewed"));
        yahoo.stubFor(get(CRUMB_PATH).inScenario("crumbs").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withBody(CRUMB)));
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("AAPL"))).withQueryParam("crumb", equalTo("staleCrumb1"))
                .willReturn(recorded("quoteSummary-401-invalid-crumb")));
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.Found.class);
        yahoo.verify(2, getRequestedFor(urlPathEqualTo(CRUMB_PATH)));
        yahoo.verify(2, getRequestedFor(urlPathEqualTo(COOKIE_PATH)));
        yahoo.verify(2, getRequestedFor(urlPathEqualTo(summaryPath("AAPL"))));
        assertThat(listener.requests).containsExactly("ok", "ok", "invalid_crumb", "ok", "ok", "ok");
    }

    @Test
    void secondInvalidCrumbIsRejectedWithoutFurtherRetries() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-401-invalid-crumb"));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.Rejected.class);
        assertThat(outcome.describe()).isEqualTo("Yahoo Finance rejected a fresh cookie and crumb: Invalid Crumb");
        yahoo.verify(2, getRequestedFor(urlPathEqualTo(summaryPath("AAPL"))));
        yahoo.verify(2, getRequestedFor(urlPathEqualTo(CRUMB_PATH)));
    }

    @Test
    void crumbIsReusedAcrossLookups() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));
        stubSummary(yahoo, "QQQ", recorded("quoteSummary-QQQ"));

        lookup("AAPL");
        lookup("QQQ");
        lookup("AAPL");

        yahoo.verify(1, getRequestedFor(urlPathEqualTo(COOKIE_PATH)));
        yahoo.verify(1, getRequestedFor(urlPathEqualTo(CRUMB_PATH)));
        yahoo.verify(2, getRequestedFor(urlPathEqualTo(summaryPath("AAPL"))));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 429})
    void crumbBodyTooManyRequestsForEveryUserAgentIsRateLimited(int status) {
        yahoo.stubFor(get(COOKIE_PATH).willReturn(aResponse().withStatus(404)));
        yahoo.stubFor(get(CRUMB_PATH).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/plain").withBody("Too Many Requests")));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isEqualTo(new YahooLookup.RateLimited(Optional.empty()));
        yahoo.verify(0, getRequestedFor(urlPathEqualTo(summaryPath("AAPL"))));
        assertThat(listener.exchanges).containsExactly("cookie:ok", "crumb:rate_limited", "cookie:ok",
                "crumb:rate_limited");
    }

    @Test
    void status429WithRetryAfterSecondsCarriesTheDelay() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withStatus(429).withHeader("Retry-After", "7"));

        assertThat(lookup("AAPL")).isEqualTo(new YahooLookup.RateLimited(Optional.of(Duration.ofSeconds(7))));
        assertThat(listener.requests).last().isEqualTo("rate_limited");
    }

    @Test
    void status429WithRetryAfterDateCarriesTheDelayUntilThatDate() {
        Clock clock = Clock.fixed(Instant.parse("2025-02-24T09:34:43Z"), ZoneOffset.UTC);
        YahooSettings settings = YahooFixtures.settingsFor(yahoo);
        client = new YahooFinanceClient(new YahooSession(settings, listener), settings, listener, clock);
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withStatus(429)
                .withHeader("Retry-After", "Mon, 24 Feb 2025 09:35:13 GMT"));

        assertThat(lookup("AAPL")).isEqualTo(new YahooLookup.RateLimited(Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void status429WithoutRetryAfterHasNoDelay() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withStatus(429).withBody("Too Many Requests"));

        assertThat(lookup("AAPL")).isEqualTo(new YahooLookup.RateLimited(Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorsAreTransient(int status) {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withStatus(status).withBody("upstream trouble"));

        assertThat(lookup("AAPL")).isEqualTo(new YahooLookup.Transient("Yahoo Finance answered HTTP " + status));
        assertThat(listener.requests).last().isEqualTo("server_error");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
            "RANDOM_DATA_THEN_CLOSE"})
    void brokenConnectionsAreTransient(Fault fault) {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withFault(fault));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.Transient.class);
        assertThat(outcome.describe()).doesNotContain("\n").startsWith("Yahoo Finance");
        assertThat(listener.requests).last().isEqualTo("transient");
    }

    @Test
    void emptyBodyIsTransient() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withStatus(200).withHeader("Content-Type", "application/json"));

        assertThat(lookup("AAPL"))
                .isEqualTo(new YahooLookup.Transient("Yahoo Finance returned an empty response body"));
    }

    @Test
    void invalidJsonIsTransient() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"quoteSummary\": {\"result\": ["));

        assertThat(lookup("AAPL")).isEqualTo(new YahooLookup.Transient("Yahoo Finance returned invalid JSON"));
        assertThat(listener.requests).last().isEqualTo("transient");
    }

    @Test
    void readTimeoutIsTransient() {
        client = YahooFixtures.client(YahooFixtures.settingsFor(yahoo)
                .toBuilder().timeouts(Duration.ofSeconds(1), Duration.ofMillis(200)).build(), listener);
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL").withFixedDelay(1_000));

        assertThat(lookup("AAPL")).isEqualTo(new YahooLookup.Transient("Yahoo Finance request timed out"));
    }

    @Test
    void htmlConsentPageInsteadOfJsonIsBlocked() {
        stubSession(yahoo);
        stubSummary(yahoo, "AAPL", recorded("consent-page"));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.Blocked.class);
        assertThat(outcome.describe()).startsWith("Yahoo Finance returned a consent page");
        assertThat(listener.requests).last().isEqualTo("blocked");
    }

    @Test
    void anHtmlPageIsNotTakenForACrumb() {
        yahoo.stubFor(get(COOKIE_PATH).willReturn(aResponse().withStatus(404)));
        yahoo.stubFor(get(CRUMB_PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("<html><body>consent</body></html>")));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.Transient.class);
        assertThat(outcome.describe()).isEqualTo("Yahoo Finance issued no crumb but an HTML page (no title)");
        yahoo.verify(0, getRequestedFor(urlPathEqualTo(summaryPath("AAPL"))));
    }

    @Test
    void refusedConnectionIsUnreachableByItsTypeNotByItsMessage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        client = YahooFixtures.client(YahooFixtures.settingsFor(yahoo)
                .toBuilder().queryBaseUrl(nowhere).cookieUrl(nowhere).build(), listener);

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isEqualTo(new YahooLookup.Unreachable("Yahoo Finance unreachable: connection refused"));
        assertThat(outcome.isRetryable()).isTrue();
        assertThat(listener.requests).containsExactly("transient", "transient");
    }

    @Test
    void unknownHostSaysUnreachable() {
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());

        assertThat(ExchangeFailures.describe(unresolved)).isEqualTo("Yahoo Finance unreachable: unknown host");
    }

    @Test
    void multiLineExceptionMessagesBecomeOneLine() {
        assertThat(ExchangeFailures.describe(new IOException("broken\n  pipe")))
                .isEqualTo("Yahoo Finance connection failed: broken pipe");
    }
}
