package io.spock.metadata.yahoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.support.YahooRecordings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Yahoo's EU consent flow as yahoo-finance2 recorded it ({@code consent-*.json}), played on one WireMock host: the
 * recorded redirects point at that host instead of finance / guce / consent.yahoo.com, and the recorded cookies lose
 * their {@code Domain}, {@code Secure} and {@code Expires} attributes (they expired in February 2026) so that the
 * plain-HTTP local host may keep them.
 */
final class ConsentStub {

    static final String FORM_PATH = "/v2/collectConsent";
    /** The cookie the flow ends with (copyConsent's {@code A3}, scrubbed). */
    static final String CONSENT_COOKIE = "A3=scrubbed-a3";

    private static final Pattern YAHOO_HOSTS = Pattern.compile("https://(finance|guce|consent)\\.yahoo\\.com");
    private static final Pattern LOCAL_ONLY = Pattern.compile(";\\s*(Domain=[^;]*|Expires=[^;]*|Secure)",
            Pattern.CASE_INSENSITIVE);

    private final WireMockExtension server;

    ConsentStub(WireMockExtension server) {
        this.server = server;
    }

    /**
     * The whole flow from {@code entryPath}: a 307 to the guce consent URL, its 302 to the form, the form, the
     * submission's 302 to copyConsent, copyConsent's 302 (setting {@link #CONSENT_COOKIE}) to the quote page, and that
     * page's 301 to a plain Yahoo page.
     */
    ConsentStub flowFrom(String entryPath) {
        server.stubFor(get(urlPathEqualTo(entryPath)).willReturn(step("consent-1-quote-redirect")));
        server.stubFor(get(urlPathEqualTo("/consent")).willReturn(step("consent-2-guce-redirect")));
        server.stubFor(get(urlPathEqualTo(FORM_PATH)).willReturn(step("consent-3-collect-consent-form")));
        server.stubFor(post(urlPathEqualTo(FORM_PATH)).willReturn(step("consent-4-collect-consent-submit")));
        server.stubFor(get(urlPathEqualTo("/copyConsent")).willReturn(step("consent-5-copy-consent")));
        server.stubFor(get(urlPathEqualTo("/quote/AAPL")).willReturn(step("consent-6-final-redirect")));
        server.stubFor(get(urlPathEqualTo("/quote/AAPL/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><head><title>Yahoo</title></head></html>")));
        return this;
    }

    /** The submission the public clients send, as recorded in {@code consent-4-collect-consent-submit.json}. */
    static String recordedSubmission() {
        return YahooRecordings.load("consent-4-collect-consent-submit").path("request").path("bodyText").asText();
    }

    /** A recorded step, its redirect and cookies made local. */
    private ResponseDefinitionBuilder step(String name) {
        JsonNode response = YahooRecordings.load(name).path("response");
        ResponseDefinitionBuilder builder = aResponse().withStatus(response.path("status").asInt());
        for (Map.Entry<String, JsonNode> header : (Iterable<Map.Entry<String, JsonNode>>) () ->
                response.path("headers").fields()) {
            List<String> values = new ArrayList<>();
            (header.getValue().isArray() ? header.getValue() : List.of(header.getValue())).forEach(v -> values.add(
                    local(header.getKey(), ((JsonNode) v).asText())));
            builder.withHeader(header.getKey(), values.toArray(String[]::new));
        }
        JsonNode body = response.path("bodyText");
        return builder.withBody(body.isMissingNode() ? "" : body.asText());
    }

    private String local(String header, String value) {
        return switch (header) {
            case "location" -> YAHOO_HOSTS.matcher(value).replaceAll(server.baseUrl());
            case "set-cookie" -> LOCAL_ONLY.matcher(value).replaceAll("");
            default -> value;
        };
    }
}
