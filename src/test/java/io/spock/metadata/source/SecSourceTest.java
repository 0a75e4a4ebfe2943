package io.spock.metadata.source;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.bulk.BulkFixtures;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.enrich.BulkSources;
import io.spock.metadata.enrich.SourcesProperties;
import io.spock.metadata.kis.MutableClock;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.bulk.BulkFixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;

/** SEC EDGAR: ticker list → CIK → submissions (SIC) → SIC crosswalk, against WireMock. */
class SecSourceTest {

    private static final String TICKERS = "/files/company_tickers_exchange.json";
    private static final String APPLE = "/submissions/CIK0000320193.json";

    @RegisterExtension
    static WireMockExtension sec = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path cache;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T00:00:00Z"));

    @BeforeEach
    void serve() {
        sec.stubFor(get(urlEqualTo(TICKERS)).willReturn(aResponse().withStatus(200)
                .withBody(BulkFixtures.resource("sec-company_tickers_exchange.json"))));
        sec.stubFor(get(urlEqualTo(APPLE)).willReturn(aResponse().withStatus(200)
                .withBody(BulkFixtures.resource("sec-submissions-CIK0000320193.json"))));
    }

    private SecSource source(SourcesProperties settings) {
        SecSource source = new BulkSources(settings, cache, Path.of("config"), GicsTaxonomy.load(), clock).sec();
        source.prepare(Region.US, List.of(candidate("US", "AAPL")));
        return source;
    }

    private SecSource source() {
        return source(BulkFixtures.settings(sec.baseUrl()));
    }

    @Test
    void aTickerMapsThroughItsCompanysSicWithLowConfidenceAndTheContactInTheUserAgent() {
        Answer apple = source().answer(candidate("US", "AAPL"), RegionView.EMPTY);

        assertThat(apple.sector().code()).isEqualTo("45");
        assertThat(apple.confidence()).isEqualTo(Confidence.LOW);
        assertThat(apple.rawCode()).isEqualTo("3571");
        assertThat(apple.rawLabel()).isEqualTo("Electronic Computers");
        assertThat(apple.requests()).isEqualTo(1);
        sec.verify(getRequestedFor(urlEqualTo(APPLE)).withHeader("User-Agent",
                equalTo("Spock tests ops@example.com")));
    }

    @Test
    void aCompanyIsAskedAgainOnlyAfterItsMaximumAge() {
        source().answer(candidate("US", "AAPL"), RegionView.EMPTY);
        Answer again = source().answer(candidate("US", "AAPL"), RegionView.EMPTY);

        assertThat(again.requests()).isZero();
        assertThat(again.sector().code()).isEqualTo("45");
        sec.verify(1, getRequestedFor(urlEqualTo(APPLE)));

        clock.advance(Duration.ofDays(91));
        source().answer(candidate("US", "AAPL"), RegionView.EMPTY);
        sec.verify(2, getRequestedFor(urlEqualTo(APPLE)));
    }

    @Test
    void withoutAContactTheSourceIsSkippedWithoutARequest() {
        SourcesProperties p = BulkFixtures.settings(sec.baseUrl());
        SourcesProperties noContact = new SourcesProperties(p.jpx(), p.nasdaq(), new SourcesProperties.Sec(true,
                sec.baseUrl(), sec.baseUrl(), " ", p.sec().maxAge(), p.sec().companyMaxAge(), 10.0),
                p.yahooScreener(), p.deadline(), p.maxBytes());

        SecSource source = source(noContact);

        assertThat(source.switchedOn()).isFalse();
        assertThat(source.answer(candidate("US", "AAPL"), RegionView.EMPTY).verdict()).isEqualTo(Verdict.NONE);
        assertThat(source.refresh()).singleElement().asString()
                .startsWith("sec: skipped: SPOCK_SEC_USER_AGENT is not set");
        assertThat(source.offReason()).hasValueSatisfying(r -> assertThat(r).contains("SPOCK_SEC_USER_AGENT"));
        assertThat(sec.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "429 | DEFERRED | HTTP 429 (rate limited)",
            "503 | DEFERRED | HTTP 503",
            "404 | NONE     | HTTP 404",
            "html | FAILED  | an HTML page instead of JSON",
            "truncated | FAILED | invalid JSON (truncated?)"})
    void aSubmissionThatFailsIsAnAnswerWithItsReasonNeverAnException(String fault, Verdict verdict, String reason) {
        byte[] body = BulkFixtures.resource("sec-submissions-CIK0000320193.json");
        sec.stubFor(get(urlEqualTo(APPLE)).willReturn(switch (fault) {
            case "html" -> aResponse().withStatus(200).withBody("<html><body>Request Rate Threshold Exceeded</body></html>");
            case "truncated" -> aResponse().withStatus(200).withBody(new String(body, 0, body.length / 2));
            default -> aResponse().withStatus(Integer.parseInt(fault));
        }));

        Answer answer = source().answer(candidate("US", "AAPL"), RegionView.EMPTY);

        assertThat(answer.verdict()).isEqualTo(verdict);
        assertThat(answer.reason()).startsWith("SEC submissions of CIK 0000320193: ").contains(reason);
    }

    @Test
    void aTickerListThatFailsLeavesTheTickersToTheNextSource() {
        sec.stubFor(get(urlEqualTo(TICKERS)).willReturn(aResponse().withStatus(500)));

        Answer answer = source().answer(candidate("US", "AAPL"), RegionView.EMPTY);

        assertThat(answer.verdict()).isEqualTo(Verdict.NONE);
        assertThat(answer.reason()).isEqualTo("no SEC ticker list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"304", "429", "503", "html", "truncated"})
    void theTickerListIsAskedForConditionallyAndAFailedRefreshKeepsTheLastGoodCopy(String fault) {
        byte[] list = BulkFixtures.resource("sec-company_tickers_exchange.json");
        sec.stubFor(get(urlEqualTo(TICKERS)).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"")
                .withBody(list)));
        source();
        clock.advance(Duration.ofDays(2));
        sec.stubFor(get(urlEqualTo(TICKERS)).willReturn(switch (fault) {
            case "html" -> aResponse().withStatus(200).withBody("<!DOCTYPE html><title>Your Request Originates from "
                    + "an Undeclared Automated Tool</title>");
            case "truncated" -> aResponse().withStatus(200).withBody(Arrays.copyOf(list, list.length / 2));
            default -> aResponse().withStatus(Integer.parseInt(fault));
        }));
        SecSource source = source();

        List<String> problems = source.refresh();

        sec.verify(getRequestedFor(urlEqualTo(TICKERS)).withHeader("If-None-Match", equalTo("\"v1\"")));
        if (fault.equals("304")) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().asString().startsWith("sec-tickers: ")
                    .contains("kept the last good copy");
        }
        assertThat(source.answer(candidate("US", "AAPL"), RegionView.EMPTY).sector().code()).isEqualTo("45");
    }
}
