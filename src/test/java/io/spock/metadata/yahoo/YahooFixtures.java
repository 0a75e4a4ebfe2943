package io.spock.metadata.yahoo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.support.YahooRecordings;

import java.net.URI;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Stubs the Yahoo endpoints on WireMock with the recordings under {@code src/test/resources/yahoo}. */
final class YahooFixtures {

    static final String CRUMB = "tEsTcRuMb01";
    static final String COOKIE_PATH = "/cookie";
    static final String CRUMB_PATH = "/v1/test/getcrumb";
    static final String SEARCH_PATH = "/v1/finance/search";

    private YahooFixtures() {
    }

    /**
     * Settings pointing at the WireMock server, with millisecond retry delays and timeouts long enough for a cold
     * WireMock on a busy machine (its first answer can take seconds), and without the search step: the quoteSummary
     * path on its own. {@link #withSearch} turns the search back on.
     */
    static YahooSettings settingsFor(WireMockExtension wireMock) {
        return withSearch(wireMock).toBuilder().search(false).build();
    }

    /** {@link #settingsFor} with the search endpoint asked first, as in production. */
    static YahooSettings withSearch(WireMockExtension wireMock) {
        return YahooSettings.builder()
                .queryBaseUrl(URI.create(wireMock.baseUrl()))
                .cookieUrl(URI.create(wireMock.baseUrl() + COOKIE_PATH))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
                .retry(3, Duration.ofMillis(5), Duration.ofMillis(20))
                .build();
    }

    /** The HTTP client on a session of its own. */
    static YahooFinanceClient client(YahooSettings settings, YahooRequestListener listener) {
        return new YahooFinanceClient(new YahooSession(settings, listener), settings, listener);
    }

    static String summaryPath(String symbol) {
        return "/v10/finance/quoteSummary/" + symbol;
    }

    /** Cookie page (404 like fc.yahoo.com, with the session cookie) and a crumb. */
    static void stubSession(WireMockExtension wireMock) {
        wireMock.stubFor(get(COOKIE_PATH).willReturn(aResponse()
                .withStatus(404)
                .withHeader("Set-Cookie", "A3=d=AQABBtestcookie; Path=/; HttpOnly")
                .withBody("<html>not found</html>")));
        wireMock.stubFor(get(CRUMB_PATH).willReturn(recorded("getcrumb")));
    }

    static void stubSummary(WireMockExtension wireMock, String symbol, ResponseDefinitionBuilder response) {
        wireMock.stubFor(get(urlPathEqualTo(summaryPath(symbol)))
                .withQueryParam("crumb", equalTo(CRUMB))
                .willReturn(response));
    }

    /** The search for {@code symbol} answers with a recording. */
    static void stubSearch(WireMockExtension wireMock, String symbol, ResponseDefinitionBuilder response) {
        wireMock.stubFor(get(urlPathEqualTo(SEARCH_PATH)).withQueryParam("q", equalTo(symbol)).willReturn(response));
    }

    /** The recorded response body (JSON as text, or the text) of {@code yahoo/<name>.json}. */
    static String recordedBody(String name) {
        var response = YahooRecordings.load(name).path("response");
        return response.has("bodyJson") ? response.path("bodyJson").toString() : response.path("bodyText").asText();
    }

    /** The recorded response in {@code yahoo/<name>.json}. */
    static ResponseDefinitionBuilder recorded(String name) {
        return YahooRecordings.recorded(name);
    }
}
