package io.spock.metadata.yahoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Loads the recordings under {@code src/test/resources/yahoo} and stubs the Yahoo endpoints on WireMock. */
final class YahooFixtures {

    static final String CRUMB = "tEsTcRuMb01";
    static final String COOKIE_PATH = "/cookie";
    static final String CRUMB_PATH = "/v1/test/getcrumb";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private YahooFixtures() {
    }

    /** Settings pointing at the WireMock server, with short timeouts and millisecond retry delays. */
    static YahooSettings settingsFor(WireMockExtension wireMock) {
        return YahooSettings.builder()
                .queryBaseUrl(URI.create(wireMock.baseUrl()))
                .cookieUrl(URI.create(wireMock.baseUrl() + COOKIE_PATH))
                .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .retry(3, Duration.ofMillis(5), Duration.ofMillis(20))
                .build();
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

    /** The body of the recorded response in {@code yahoo/<name>.json}. */
    static String recordedBody(String name) {
        JsonNode response = load(name).path("response");
        JsonNode json = response.path("bodyJson");
        return json.isMissingNode() ? response.path("bodyText").asText() : json.toString();
    }

    /** The recorded response in {@code yahoo/<name>.json}: status, headers and bodyJson or bodyText. */
    static ResponseDefinitionBuilder recorded(String name) {
        JsonNode response = load(name).path("response");
        ResponseDefinitionBuilder builder = aResponse().withStatus(response.path("status").asInt());
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            builder.withHeader(header.getKey(), header.getValue().asText());
        }
        return builder.withBody(recordedBody(name));
    }

    private static JsonNode load(String name) {
        String resource = "/yahoo/" + name + ".json";
        try (InputStream in = YahooFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
