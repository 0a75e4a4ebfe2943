package io.spock.metadata.source;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.spock.metadata.bulk.BulkFixtures;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.enrich.BulkSources;
import io.spock.metadata.enrich.SourcesProperties;
import io.spock.metadata.enrich.TestPipeline;
import io.spock.metadata.kis.MutableClock;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Verdict;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooScreener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** Yahoo's screener: the request body, paging by region × sector through the Yahoo session, and its faults. */
class YahooScreenerSourceTest {

    @RegisterExtension
    static WireMockExtension yahoo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path cache;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T00:00:00Z"));

    private YahooScreenerSource source(int pageSize) {
        SourcesProperties p = BulkFixtures.settings(yahoo.baseUrl());
        SourcesProperties settings = new SourcesProperties(p.jpx(), p.nasdaq(), p.sec(),
                new SourcesProperties.YahooScreener(true, yahoo.baseUrl(), p.yahooScreener().maxAge(), pageSize),
                p.deadline(), p.maxBytes());
        YahooProfileService service = YahooProfileService.create(TestPipeline.yahooSettings(yahoo.baseUrl(), 1000),
                YahooRequestListener.NO_OP);
        GicsTaxonomy gics = GicsTaxonomy.load();
        return new BulkSources(settings, cache, Path.of("config"), gics, clock)
                .yahoo(service, YahooSectorMapping.load(Path.of("config/yahoo_sector_to_gics.json"), gics))
                .yahooScreener();
    }

    private static Candidate jp(String code) {
        return new Candidate("JP", code, "TSE", code, null, "000", code + ".T", null, null, null, false, false);
    }

    @Test
    void theRequestAsksForOnePageOfOneRegionAndSectorSortedByTicker() {
        String body = YahooScreener.body("jp", "Technology", 250, 250);

        assertThat(body).contains("\"offset\":250", "\"size\":250", "\"quoteType\":\"EQUITY\"",
                "[\"region\",\"jp\"]", "[\"sector\",\"Technology\"]");
    }

    @Test
    void everySectorIsPagedAndItsRowsAnswerWithTheSectorTheyWereListedUnder() {
        new YahooStub(yahoo).screener("jp", "Technology", 2, "6758.T", "6501.T", "6702.T")
                .screener("jp", "Financial Services", 2, "8306.T");
        YahooScreenerSource source = source(2);

        source.prepare(Region.JP, List.of(jp("6758")));

        yahoo.verify(12, postRequestedFor(urlPathEqualTo(YahooStub.SCREENER_PATH))
                .withQueryParam("crumb", equalTo(YahooStub.CRUMB)));
        Answer sony = source.answer(jp("6758"), RegionView.EMPTY);
        assertThat(sony.sector().code()).isEqualTo("45");
        assertThat(sony.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(sony.rawCode()).isEqualTo("Technology");
        assertThat(source.answer(jp("6702"), RegionView.EMPTY).sector().code()).as("second page").isEqualTo("45");
        assertThat(source.answer(jp("8306"), RegionView.EMPTY).sector().code()).isEqualTo("40");
        assertThat(source.answer(jp("9999"), RegionView.EMPTY).reason()).isEqualTo("not in Yahoo's screener");
        assertThat(source.lists()).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"429", "503", "html", "truncated"})
    void aPageThatFailsKeepsTheRegionsLastGoodListAndNamesIt(String fault) {
        new YahooStub(yahoo).screener("jp", "Technology", 250, "6758.T");
        source(250).prepare(Region.JP, List.of(jp("6758")));
        yahoo.stubFor(post(urlPathEqualTo(YahooStub.SCREENER_PATH)).atPriority(0)
                .withRequestBody(matchingJsonPath("$.query.operands[1].operands[1]", equalTo("Energy")))
                .willReturn(switch (fault) {
                    case "429" -> aResponse().withStatus(429);
                    case "503" -> aResponse().withStatus(503);
                    case "html" -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("<html><body>Will be right back</body></html>");
                    default -> aResponse().withStatus(200).withBody("{\"finance\":{\"result\":[{\"total\":3,\"quo");
                }));
        YahooScreenerSource source = source(250);

        List<String> problems = source.refresh();

        assertThat(problems).filteredOn(p -> p.startsWith("yahoo-screener-jp: ")).singleElement().asString()
                .contains("Energy at 0").contains(switch (fault) {
                    case "429" -> "Yahoo Finance rate limited";
                    case "503" -> "Yahoo screener answered HTTP 503";
                    case "html" -> "an HTML page instead of JSON";
                    default -> "invalid JSON";
                });
        assertThat(source.answer(jp("6758"), RegionView.EMPTY).sector().code()).isEqualTo("45");
    }

    @Test
    void aPageThatFailsForAMomentIsRetriedAndTheListIsKept() {
        new YahooStub(yahoo).screener("jp", "Technology", 250, "6758.T");
        yahoo.stubFor(post(urlPathEqualTo(YahooStub.SCREENER_PATH)).atPriority(0).inScenario("blip")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.query.operands[0].operands[1]", equalTo("jp")))
                .withRequestBody(matchingJsonPath("$.query.operands[1].operands[1]", equalTo("Technology")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                .willSetStateTo("one 429"));
        yahoo.stubFor(post(urlPathEqualTo(YahooStub.SCREENER_PATH)).atPriority(0).inScenario("blip")
                .whenScenarioStateIs("one 429")
                .withRequestBody(matchingJsonPath("$.query.operands[0].operands[1]", equalTo("jp")))
                .withRequestBody(matchingJsonPath("$.query.operands[1].operands[1]", equalTo("Technology")))
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        YahooScreenerSource source = source(250);

        List<String> problems = source.refresh();

        assertThat(problems).isEmpty();
        assertThat(source.answer(jp("6758"), RegionView.EMPTY).sector().code()).isEqualTo("45");
        yahoo.verify(3, postRequestedFor(urlPathEqualTo(YahooStub.SCREENER_PATH))
                .withRequestBody(matchingJsonPath("$.query.operands[0].operands[1]", equalTo("jp")))
                .withRequestBody(matchingJsonPath("$.query.operands[1].operands[1]", equalTo("Technology"))));
    }

    @Test
    void anInvalidCrumbIsRenewedOnceAndThePageAskedAgain() {
        new YahooStub(yahoo).screener("jp", "Technology", 250, "6758.T");
        yahoo.stubFor(post(urlPathEqualTo(YahooStub.SCREENER_PATH)).atPriority(0).inScenario("crumb")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(YahooStub.json(401, """
                        {"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}"""))
                .willSetStateTo("renewed"));
        YahooScreenerSource source = source(250);

        source.prepare(Region.JP, List.of(jp("6758")));

        assertThat(source.answer(jp("6758"), RegionView.EMPTY).sector().code()).isEqualTo("45");
        yahoo.verify(2, getRequestedFor(urlPathEqualTo("/v1/test/getcrumb")));
    }

    @Test
    void aServerThatIgnoresTheOffsetCannotKeepTheRunPaging() {
        new YahooStub(yahoo);
        yahoo.stubFor(post(urlPathEqualTo(YahooStub.SCREENER_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.query.operands[1].operands[1]", equalTo("Technology")))
                .willReturn(okJson("{\"finance\":{\"result\":[{\"total\":100000,\"quotes\":"
                        + "[{\"symbol\":\"6758.T\"},{\"symbol\":\"6501.T\"}]}],\"error\":null}}")));
        YahooScreenerSource source = source(2);

        source.prepare(Region.JP, List.of(jp("6758")));

        assertThat(source.answer(jp("6501"), RegionView.EMPTY).sector().code()).isEqualTo("45");
        yahoo.verify(2, postRequestedFor(urlPathEqualTo(YahooStub.SCREENER_PATH))
                .withRequestBody(matchingJsonPath("$.query.operands[1].operands[1]", equalTo("Technology"))));
    }

    @Test
    void withoutAYahooSessionTheScreenerIsSwitchedOffAndMakesNoRequest() {
        YahooScreenerSource off = new BulkSources(BulkFixtures.settings(yahoo.baseUrl()), cache, Path.of("config"),
                GicsTaxonomy.load(), clock).yahooScreener();

        off.prepare(Region.JP, List.of(jp("6758")));

        assertThat(off.switchedOn()).isFalse();
        assertThat(off.answer(jp("6758"), RegionView.EMPTY).verdict()).isEqualTo(Verdict.NONE);
        assertThat(yahoo.getAllServeEvents()).isEmpty();
    }
}
