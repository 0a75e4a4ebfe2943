package io.spock.metadata.support;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/** A WireMock Yahoo Finance that answers like the real one: cookie, crumb, quoteSummary bodies and errors. */
public final class YahooStub {

    public static final String CRUMB = "haT3oykhHqZ";
    private static final String COOKIE_PATH = "/cookie";

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
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String cookieUrl() {
        return baseUrl + COOKIE_PATH;
    }

    /** A company profile with sector and industry. */
    public YahooStub company(String symbol, String sector, String industry, String longName) {
        return answer(symbol, json(200, """
                {"quoteSummary":{"result":[{"assetProfile":{"country":"United States","industry":"%s",
                "industryKey":"x","sector":"%s","sectorKey":"x","fullTimeEmployees":1000,
                "companyOfficers":[],"maxAge":86400},
                "quoteType":{"exchange":"NMS","quoteType":"EQUITY","symbol":"%s","shortName":"%s",
                "longName":"%s","maxAge":1}}],"error":null}}""".formatted(industry, sector, symbol, longName, longName)));
    }

    /** An ETF: a profile without sector or industry. */
    public YahooStub fund(String symbol) {
        return answer(symbol, json(200, """
                {"quoteSummary":{"result":[{"assetProfile":{"longBusinessSummary":"A fund.","companyOfficers":[],
                "maxAge":86400},"quoteType":{"exchange":"NGM","quoteType":"ETF","symbol":"%s","maxAge":1}}],
                "error":null}}""".formatted(symbol)));
    }

    public YahooStub answer(String symbol, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/v10/finance/quoteSummary/" + symbol)).atPriority(1)
                .willReturn(response));
        return this;
    }

    public int quoteSummaryCalls() {
        return server.findAll(getRequestedFor(
                urlPathMatching("/v10/finance/quoteSummary/.*"))).size();
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
