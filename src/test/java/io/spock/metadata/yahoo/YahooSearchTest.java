package io.spock.metadata.yahoo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.yahoo.YahooFixtures.COOKIE_PATH;
import static io.spock.metadata.yahoo.YahooFixtures.CRUMB_PATH;
import static io.spock.metadata.yahoo.YahooFixtures.SEARCH_PATH;
import static io.spock.metadata.yahoo.YahooFixtures.recorded;
import static io.spock.metadata.yahoo.YahooFixtures.stubSearch;
import static io.spock.metadata.yahoo.YahooFixtures.stubSession;
import static io.spock.metadata.yahoo.YahooFixtures.stubSummary;
import static io.spock.metadata.yahoo.YahooFixtures.summaryPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crumb-free search first, in the recorded shapes (yahoo-finance2's {@code search-*.json}): it answers when our
 * exact symbol is listed with a sector or as a type without sectors; otherwise quoteSummary is asked.
 */
class YahooSearchTest {

    @RegisterExtension
    static WireMockExtension yahoo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingListener listener = new RecordingListener();
    private YahooFinanceClient client;

    @BeforeEach
    void setUp() {
        client = YahooFixtures.client(YahooFixtures.withSearch(yahoo), listener);
        stubSession(yahoo);
    }

    private YahooLookup lookup(String symbol) {
        return client.lookup(symbol, YahooClient.Gate.OPEN);
    }

    @Test
    void anEquityWithASectorIsAnsweredBySearchAloneWithoutCookieOrCrumb() {
        stubSearch(yahoo, "AAPL", recorded("search-AAPL"));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.Found.class);
        YahooProfile profile = ((YahooLookup.Found) outcome).profile();
        assertThat(profile.sector()).contains("Technology");
        assertThat(profile.industry()).contains("Consumer Electronics");
        assertThat(profile.longName()).contains("Apple Inc.");
        assertThat(profile.endpoint()).isEqualTo(YahooEndpoint.SEARCH);
        yahoo.verify(getRequestedFor(urlPathEqualTo(SEARCH_PATH)).withQueryParam("q", equalTo("AAPL"))
                .withQueryParam("newsCount", equalTo("0")).withQueryParam("quotesCount", matching("\\d+"))
                .withoutHeader("Cookie"));
        yahoo.verify(0, getRequestedFor(urlPathEqualTo(COOKIE_PATH)));
        yahoo.verify(0, getRequestedFor(urlPathEqualTo(CRUMB_PATH)));
        yahoo.verify(0, getRequestedFor(urlPathMatching("/v10/finance/quoteSummary/.*")));
        assertThat(listener.exchanges).containsExactly("search:ok");
    }

    @Test
    void anEtfListedByTheSearchIsASectorlessTypeWithoutAskingQuoteSummary() {
        stubSearch(yahoo, "QQQ", recorded("search-QQQ"));

        YahooLookup outcome = lookup("QQQ");

        assertThat(outcome).isInstanceOf(YahooLookup.NoSector.class);
        assertThat(((YahooLookup.NoSector) outcome).profile().sectorlessType()).isTrue();
        yahoo.verify(0, getRequestedFor(urlPathMatching("/v10/finance/quoteSummary/.*")));
    }

    @Test
    void onlyTheExactSymbolCountsSoOtherMarketsMatchesGoToQuoteSummary() {
        stubSearch(yahoo, "VCB.VN", recorded("search-VCB.VN"));
        stubSummary(yahoo, "VCB.VN", recorded("quoteSummary-equity-without-sector"));

        YahooLookup outcome = lookup("VCB.VN");

        assertThat(outcome).as("the US matches' sectors are not taken").isInstanceOf(YahooLookup.NoSector.class);
        assertThat(((YahooLookup.NoSector) outcome).profile().endpoint()).isEqualTo(YahooEndpoint.QUOTE_SUMMARY);
        assertThat(listener.exchanges).containsExactly("search:no_match", "cookie:ok", "crumb:ok",
                "quoteSummary:no_sector");
    }

    @Test
    void anEquityWithoutASectorInTheSearchIsAskedOfQuoteSummary() {
        stubSearch(yahoo, "OCDO.L", recorded("search-equity-without-sector"));
        stubSummary(yahoo, "OCDO.L", recorded("quoteSummary-AAPL"));

        YahooLookup outcome = lookup("OCDO.L");

        assertThat(outcome).isInstanceOf(YahooLookup.Found.class);
        assertThat(((YahooLookup.Found) outcome).profile().endpoint()).isEqualTo(YahooEndpoint.QUOTE_SUMMARY);
        assertThat(listener.exchanges).startsWith("search:no_sector").endsWith("quoteSummary:ok");
    }

    @Test
    void aRateLimitedSearchEndsTheLookupWithoutAskingQuoteSummary() {
        stubSearch(yahoo, "AAPL", aResponse().withStatus(429).withHeader("Retry-After", "3"));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.RateLimited.class);
        yahoo.verify(0, getRequestedFor(urlPathEqualTo(summaryPath("AAPL"))));
    }

    @Test
    void aFailingSearchEndpointFallsBackToQuoteSummary() {
        stubSearch(yahoo, "AAPL", aResponse().withStatus(503).withBody("Service Unavailable"));
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));

        YahooLookup outcome = lookup("AAPL");

        assertThat(outcome).isInstanceOf(YahooLookup.Found.class);
        assertThat(listener.exchanges).startsWith("search:server_error").endsWith("quoteSummary:ok");
    }

    @Test
    void everyRequestForDataPassesTheGate() {
        stubSearch(yahoo, "VCB.VN", recorded("search-VCB.VN"));
        stubSummary(yahoo, "VCB.VN", recorded("quoteSummary-equity-without-sector"));
        int[] passes = {0};

        client.lookup("VCB.VN", () -> passes[0]++);

        assertThat(passes[0]).as("the search and the quoteSummary request, not cookie and crumb").isEqualTo(2);
    }
}
