package io.spock.metadata.support;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A WireMock Yahoo Finance that answers like the real one: cookie, crumb, search, quoteSummary bodies and errors.
 * The search knows the symbols stubbed with {@link #company} and {@link #fund}; for any other symbol it lists no
 * quote, so the lookup goes on to quoteSummary, where {@link #answer} stubs what Yahoo says (Not Found by default).
 */
public final class YahooStub {

    public static final String CRUMB = "haT3oykhHqZ";
    private static final String COOKIE_PATH = "/cookie";
    private static final String SEARCH_PATH = "/v1/finance/search";

    private final Stubbing server;
    private final String baseUrl;

    public YahooStub(WireMockExtension server) {
        this(server, server.baseUrl());
    }

    public YahooStub(Stubbing server, String baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
        server.stubFor(get(urlPathEqualTo(COOKIE_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Set-Cookie", "A3=d=AQABBtestcookie; Path=/; HttpOnly")));
        server.stubFor(get(urlPathEqualTo("/v1/test/getcrumb")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain;charset=utf-8").withBody(CRUMB)));
        server.stubFor(get(urlPathMatching("/v10/finance/quoteSummary/.*")).atPriority(10)
                .willReturn(notFound()));
        server.stubFor(get(urlPathEqualTo(SEARCH_PATH)).atPriority(10).willReturn(search("")));
        server.stubFor(post(urlPathEqualTo(SCREENER_PATH)).atPriority(10)
                .willReturn(okJson(screenerPage(0, 0, List.of()))));
    }

    public static final String SCREENER_PATH = "/v1/finance/screener";

    /**
     * Yahoo's screener answer for one region and sector, in pages of {@code pageSize} (the answer's documented shape:
     * {@code finance.result[0]} with {@code total}, {@code start}, {@code count} and {@code quotes}).
     */
    public YahooStub screener(String region, String sector, int pageSize, String... symbols) {
        for (int offset = 0; offset < symbols.length; offset += pageSize) {
            List<String> page = List.of(symbols).subList(offset, Math.min(symbols.length, offset + pageSize));
            server.stubFor(post(urlPathEqualTo(SCREENER_PATH)).atPriority(1)
                    .withQueryParam("crumb", equalTo(CRUMB))
                    .withRequestBody(matchingJsonPath("$.query.operands[0].operands[1]", equalTo(region)))
                    .withRequestBody(matchingJsonPath("$.query.operands[1].operands[1]", equalTo(sector)))
                    .withRequestBody(matchingJsonPath("$.offset", equalTo(String.valueOf(offset))))
                    .willReturn(okJson(screenerPage(symbols.length, offset, page))));
        }
        return this;
    }

    static String screenerPage(int total, int start, List<String> symbols) {
        String quotes = symbols.stream().map(s -> "{\"symbol\":\"" + s + "\",\"quoteType\":\"EQUITY\","
                + "\"shortName\":\"" + s + "\",\"exchange\":\"X\"}").collect(java.util.stream.Collectors.joining(","));
        return "{\"finance\":{\"result\":[{\"id\":\"screener\",\"title\":\"Screener Results\",\"total\":"
                + total + ",\"start\":" + start + ",\"count\":" + symbols.size() + ",\"quotes\":[" + quotes
                + "]}],\"error\":null}}";
    }

    /** POST requests Yahoo's screener received. */
    public int screenerCalls() {
        return server instanceof WireMockExtension wm
                ? wm.findAll(postRequestedFor(urlPathEqualTo(SCREENER_PATH))).size() : -1;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String cookieUrl() {
        return baseUrl + COOKIE_PATH;
    }

    /** A company with sector and industry: the search lists it with them, and quoteSummary has its profile. */
    public YahooStub company(String symbol, String sector, String industry, String longName) {
        searchFinds(symbol, search("""
                {"exchange":"NMS","shortname":"%s","quoteType":"EQUITY","symbol":"%s","index":"quotes",
                "score":20000,"typeDisp":"Equity","longname":"%s","exchDisp":"NASDAQ","sector":"%s",
                "sectorDisp":"%s","industry":"%s","industryDisp":"%s","isYahooFinance":true}"""
                .formatted(longName, symbol, longName, sector, sector, industry, industry)));
        return answer(symbol, json(200, """
                {"quoteSummary":{"result":[{"assetProfile":{"country":"United States","industry":"%s",
                "industryKey":"x","sector":"%s","sectorKey":"x","fullTimeEmployees":1000,
                "companyOfficers":[],"maxAge":86400},
                "quoteType":{"exchange":"NMS","quoteType":"EQUITY","symbol":"%s","shortName":"%s",
                "longName":"%s","maxAge":1}}],"error":null}}""".formatted(industry, sector, symbol, longName, longName)));
    }

    /** An ETF: the search lists it as one, and its quoteSummary profile has no sector or industry. */
    public YahooStub fund(String symbol) {
        searchFinds(symbol, search("""
                {"exchange":"NGM","shortname":"%s ETF","quoteType":"ETF","symbol":"%s","index":"quotes",
                "score":20000,"typeDisp":"ETF","longname":"%s ETF","exchDisp":"NASDAQ","isYahooFinance":true}"""
                .formatted(symbol, symbol, symbol)));
        return answer(symbol, json(200, """
                {"quoteSummary":{"result":[{"assetProfile":{"longBusinessSummary":"A fund.","companyOfficers":[],
                "maxAge":86400},"quoteType":{"exchange":"NGM","quoteType":"ETF","symbol":"%s","maxAge":1}}],
                "error":null}}""".formatted(symbol)));
    }

    /** What the search for {@code symbol} answers. */
    public YahooStub searchFinds(String symbol, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(SEARCH_PATH)).withQueryParam("q", equalTo(symbol)).atPriority(1)
                .willReturn(response));
        return this;
    }

    /** What quoteSummary answers for {@code symbol}. */
    public YahooStub answer(String symbol, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/v10/finance/quoteSummary/" + symbol)).atPriority(1)
                .willReturn(response));
        return this;
    }

    public int quoteSummaryCalls() {
        return server.findAll(getRequestedFor(
                urlPathMatching("/v10/finance/quoteSummary/.*"))).size();
    }

    public int searchCalls() {
        return server.findAll(getRequestedFor(urlPathEqualTo(SEARCH_PATH))).size();
    }

    /** Requests for data: searches and quoteSummary requests. */
    public int lookupCalls() {
        return searchCalls() + quoteSummaryCalls();
    }

    /** A search answer listing these quotes (JSON objects, comma-separated), in the recorded shape. */
    public static ResponseDefinitionBuilder search(String quotes) {
        return json(200, """
                {"explains":[],"count":%d,"quotes":[%s],"news":[],"nav":[],"lists":[],"researchReports":[],
                "screenerFieldResults":[],"totalTime":20}""".formatted(quotes.isBlank() ? 0 : 1, quotes));
    }

    public static ResponseDefinitionBuilder notFound() {
        return json(404, """
                {"quoteSummary":{"result":null,"error":{"code":"Not Found",
                "description":"No fundamentals data found for any of the summaryTypes=assetProfile"}}}""");
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body.replace("\n", ""));
    }
}
