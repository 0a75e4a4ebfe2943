package io.spock.metadata.source;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.bulk.BulkFixtures;
import io.spock.metadata.bulk.ListFormatException;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.enrich.BulkSources;
import io.spock.metadata.kis.MutableClock;
import io.spock.metadata.market.Region;
import io.spock.metadata.nasdaq.NasdaqRow;
import io.spock.metadata.nasdaq.NasdaqScreenerParser;
import io.spock.metadata.store.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.bulk.BulkFixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nasdaq's screener: parse, map (industry crosswalk) and fetch (one request per exchange, WireMock). */
class NasdaqSourceTest {

    private static final String PATH = "/api/screener/stocks";

    @RegisterExtension
    static WireMockExtension nasdaq = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path cache;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T00:00:00Z"));

    @BeforeEach
    void serveTheThreeExchanges() {
        for (String exchange : List.of("NASDAQ", "NYSE", "AMEX")) {
            serve(exchange, 200, BulkFixtures.resource("nasdaq-" + exchange.toLowerCase() + ".json"));
        }
    }

    private void serve(String exchange, int status, byte[] body) {
        nasdaq.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("exchange", equalTo(exchange))
                .willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private NasdaqSource source() {
        return new BulkSources(BulkFixtures.settings(nasdaq.baseUrl()), cache, Path.of("config"), GicsTaxonomy.load(),
                clock).nasdaq();
    }

    private NasdaqSource prepared() {
        NasdaqSource source = source();
        source.prepare(Region.US, List.of(candidate("US", "JPM")));
        return source;
    }

    @Test
    void rowsAreKeyedSoThatKisShareClassesFindThem() {
        Map<String, NasdaqRow> rows = new NasdaqScreenerParser().parse(BulkFixtures.resource("nasdaq-nyse.json"));

        assertThat(rows).containsKeys("BRK.B", "JPM");
        assertThat(rows.get("V").industry()).isEqualTo("Business Services");
    }

    @Test
    void theIndustryNotTheSectorMapsThroughTheCrosswalk() {
        NasdaqSource source = prepared();

        Answer tesla = source.answer(candidate("US", "TSLA"), RegionView.EMPTY);
        Answer jpm = source.answer(candidate("US", "JPM"), RegionView.EMPTY);

        assertThat(tesla.sector().code()).as("Nasdaq's sector says Industrials").isEqualTo("25");
        assertThat(tesla.rawCode()).isEqualTo("Auto Manufacturing");
        assertThat(tesla.rawLabel()).isEqualTo("Industrials / Auto Manufacturing");
        assertThat(jpm.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(jpm.industryCode()).isEqualTo("401010");
        assertThat(source.answer(candidate("US", "V"), RegionView.EMPTY).confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void aRowWithoutIndustryOrATickerNotListedIsNoAnswer() {
        NasdaqSource source = prepared();

        assertThat(source.answer(candidate("US", "BRK/B"), RegionView.EMPTY).reason())
                .isEqualTo("Nasdaq's screener gives no industry for BRK/B");
        assertThat(source.answer(candidate("US", "ZZZZ"), RegionView.EMPTY).verdict()).isEqualTo(Verdict.NONE);
    }

    @Test
    void oneRequestPerExchangeWithABrowserUserAgentOncePerMaximumAge() {
        prepared();
        prepared();

        nasdaq.verify(3, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("download", equalTo("true"))
                .withHeader("User-Agent", containing("Mozilla/5.0")));
        clock.advance(Duration.ofDays(2));
        prepared();
        nasdaq.verify(6, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void htmlInsteadOfJsonIsRefusedInOneLine() {
        assertThatThrownBy(() -> new NasdaqScreenerParser().parse("<html>Access Denied</html>".getBytes()))
                .isInstanceOf(ListFormatException.class).hasMessage("an HTML page instead of JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"304", "429", "502", "html", "truncated"})
    void oneExchangeFailingKeepsItsLastGoodCopyAndTheOthersAnswer(String fault) {
        prepared();
        clock.advance(Duration.ofDays(2));
        byte[] nyse = BulkFixtures.resource("nasdaq-nyse.json");
        switch (fault) {
            case "304" -> serve("NYSE", 304, new byte[0]);
            case "429" -> serve("NYSE", 429, new byte[0]);
            case "502" -> serve("NYSE", 502, new byte[0]);
            case "html" -> serve("NYSE", 200, "<!DOCTYPE html><title>Access Denied</title>".getBytes());
            default -> serve("NYSE", 200, Arrays.copyOf(nyse, nyse.length / 2));
        }
        NasdaqSource source = source();

        List<String> problems = source.refresh();

        if (fault.equals("304")) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().asString().startsWith("nasdaq-nyse: ");
        }
        assertThat(source.answer(candidate("US", "JPM"), RegionView.EMPTY).sector().code()).isEqualTo("40");
        assertThat(source.answer(candidate("US", "AAPL"), RegionView.EMPTY).sector().code()).isEqualTo("45");
    }
}
