package io.spock.metadata.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.bulk.BulkFixtures;
import io.spock.metadata.jpx.JpxWorkbookParser;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk sources through the CLI, on the demo universe: Daiwa House (TSE 1925) is KIS code 630 (Real Estate,
 * medium), JPX 建設業 (Industrials, medium) and Yahoo's screener Consumer Cyclical (high). The three disagree: the
 * ticker ends in the review queue with all three answers kept. And the {@code sources} command.
 */
class BulkSourcesCommandTest {

    private static final String JPX_PATH = "/jpx/data_j.xlsx";

    @RegisterExtension
    static WireMockExtension stand = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        List<List<Object>> rows = new ArrayList<>(BulkFixtures.JPX_ROWS);
        rows.add(List.of(20240830, 1925, "大和ハウス工業", "プライム（内国株式）", 2050, "建設業", 3, "建設・資材", 2,
                "TOPIX Large70"));
        stand.stubFor(get(urlEqualTo(JPX_PATH)).willReturn(aResponse().withStatus(200)
                .withBody(BulkFixtures.jpxWorkbook(true, JpxWorkbookParser.HEADER, rows))));
        YahooStub yahoo = new YahooStub(stand).screener("jp", "Consumer Cyclical", 250, "1925.T");
        cli = new CliRun(home)
                .property("spock.home", Path.of("").toAbsolutePath().toString())
                .property("spock.db", TestStore.Backend.SQLITE.newDatabase(home))
                .property("spock.yahoo.url", yahoo.baseUrl())
                .property("spock.yahoo.cookie-url", yahoo.cookieUrl())
                .property("spock.yahoo.rate", "1000")
                .property("spock.yahoo.retry.initial-delay", "1ms")
                .property("spock.yahoo.retry.max-delay", "1ms")
                .property("spock.sources.jpx.enabled", "true")
                .property("spock.sources.jpx.url", stand.baseUrl() + JPX_PATH)
                .property("spock.sources.yahoo-screener.enabled", "true")
                .property("spock.sources.yahoo-screener.url", stand.baseUrl());
    }

    private static JsonNode json(CliRun.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void kisJpxAndTheYahooScreenerDisagreeingEndInReviewWithAllThreeAnswersKept() throws Exception {
        assertThat(cli.run("enrich", "--tickers", "1925", "--regions", "JP").exitCode()).isEqualTo(ExitCodes.OK);

        JsonNode queue = json(cli.run("review", "--regions", "JP", "--reason", "disagreement", "--format", "json"));
        JsonNode inspected = json(cli.run("inspect-ticker", "1925", "--format", "json"));

        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("ticker").asText()).isEqualTo("1925");
        List<String> answers = new ArrayList<>();
        inspected.get("evidence").forEach(e -> answers.add(e.get("source").asText() + " "
                + e.get("sector").asText().substring(0, 2)));
        assertThat(answers).containsExactlyInAnyOrder("KIS 60", "JPX 20", "YAHOO_SCREENER 25");
        assertThat(inspected.get("source").asText()).as("high confidence wins").isEqualTo("YAHOO_SCREENER");
    }

    @Test
    void sourcesShowsEachListWithItsRowsAndTheShareItAnswers() throws Exception {
        cli.run("enrich", "--tickers", "1925", "--regions", "JP");

        JsonNode sources = json(cli.run("sources", "--format", "json"));

        JsonNode jpx = find(sources, "jpx");
        assertThat(jpx.get("enabled").asBoolean()).isTrue();
        assertThat(jpx.get("rows").asInt()).isEqualTo(9);
        assertThat(jpx.get("answers").asInt()).isEqualTo(1);
        assertThat(jpx.get("last_error").isNull()).isTrue();
        assertThat(find(sources, "nasdaq-nyse").get("enabled").asBoolean()).as("switched off in tests").isFalse();
    }

    @Test
    void aRefreshThatFailsIsOneErrorLineNamingTheListAndTheLastGoodCopyStays() throws Exception {
        cli.run("sources", "refresh", "jpx");
        stand.stubFor(get(urlEqualTo(JPX_PATH)).willReturn(aResponse().withStatus(503)));

        CliRun.Result refresh = cli.run("sources", "refresh", "jpx", "--format", "json");
        CliRun.Result unknown = cli.run("sources", "refresh", "nope");

        assertThat(refresh.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refresh.errors()).startsWith("error: jpx: HTTP 503; kept the last good copy of ");
        assertThat(refresh.err().lines().filter(l -> l.contains("jpx: HTTP 503"))).as("one line, no log line too")
                .hasSize(1);
        JsonNode jpx = find(new ObjectMapper().readTree(refresh.out()), "jpx");
        assertThat(jpx.get("rows").asInt()).isEqualTo(9);
        assertThat(jpx.get("last_error").asText()).isEqualTo("HTTP 503");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.errors()).startsWith("error: unknown bulk source 'nope'");
        assertThat(refresh.err()).doesNotContain("Exception");
    }

    @Test
    void everyBulkListFailingLeavesTheRunsOutcomeToTheOtherSources() throws Exception {
        stand.stubFor(get(urlEqualTo(JPX_PATH)).willReturn(aResponse().withStatus(503)));
        stand.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(YahooStub.SCREENER_PATH)).atPriority(0)
                .willReturn(aResponse().withStatus(500)));

        CliRun.Result run = cli.run("enrich", "--tickers", "1925", "--regions", "JP", "--format", "json");
        JsonNode inspected = json(cli.run("inspect-ticker", "1925", "--format", "json"));
        JsonNode sources = json(cli.run("sources", "--format", "json"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.errors()).isEmpty();
        assertThat(inspected.get("source").asText()).as("KIS's medium code stands").isEqualTo("KIS");
        assertThat(inspected.get("sector_code").asText()).isEqualTo("60");
        assertThat(find(sources, "jpx").get("last_error").asText()).isEqualTo("HTTP 503");
        assertThat(find(sources, "yahoo-screener-jp").get("last_error").asText())
                .isEqualTo("Basic Materials at 0: Yahoo screener answered HTTP 500");
    }

    @Test
    void aSourceThatTakesNoPartSaysWhyAndIsNotRefreshed() throws Exception {
        cli.property("spock.sources.sec.enabled", "true");

        JsonNode sources = json(cli.run("sources", "--format", "json"));
        CliRun.Result refresh = cli.run("sources", "refresh", "sec");

        assertThat(find(sources, "sec-tickers").get("enabled").asBoolean()).isFalse();
        assertThat(find(sources, "sec-tickers").get("note").asText()).startsWith("SPOCK_SEC_USER_AGENT is not set");
        assertThat(find(sources, "nasdaq-nyse").get("note").asText())
                .isEqualTo("switched off (spock.sources.nasdaq.enabled)");
        assertThat(find(sources, "jpx").get("note").isNull()).isTrue();
        assertThat(refresh.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refresh.errors()).startsWith("error: sec: not refreshed: SPOCK_SEC_USER_AGENT is not set");
        assertThat(stand.getAllServeEvents()).isEmpty();
    }

    @Test
    void aBadSourceSettingIsOneLineNamingItAndNothingIsFetched() {
        cli.property("spock.sources.sec.rate", "-1");

        CliRun.Result sources = cli.run("sources");
        CliRun.Result enrich = cli.run("enrich", "--tickers", "1925", "--regions", "JP");

        for (CliRun.Result result : List.of(sources, enrich)) {
            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.errors()).isEqualTo("error: spock.sources.sec.rate: must be more than 0 and at most 10 "
                    + "(SEC's fair-access limit), not -1.0");
            assertThat(result.err()).doesNotContain("Exception");
        }
        assertThat(stand.getAllServeEvents()).isEmpty();
    }

    private static JsonNode find(JsonNode lines, String list) {
        for (JsonNode line : lines) {
            if (list.equals(line.path("list").asText())) {
                return line;
            }
        }
        throw new AssertionError("no line for list " + list + " in " + lines);
    }
}
