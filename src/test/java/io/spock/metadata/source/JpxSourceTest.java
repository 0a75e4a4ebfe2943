package io.spock.metadata.source;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.bulk.BulkFixtures;
import io.spock.metadata.bulk.ListFormatException;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.enrich.BulkSources;
import io.spock.metadata.jpx.JpxList;
import io.spock.metadata.jpx.JpxWorkbookParser;
import io.spock.metadata.kis.MutableClock;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JPX workbook: parse (both formats), map (TSE-33 crosswalk) and fetch (WireMock), each on its own fixture. */
class JpxSourceTest {

    private static final String PATH = "/jpx/data_j.xlsx";

    @RegisterExtension
    static WireMockExtension jpx = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path cache;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T00:00:00Z"));

    private JpxSource source() {
        return new BulkSources(BulkFixtures.settings(jpx.baseUrl()), cache, Path.of("config"), GicsTaxonomy.load(),
                clock).jpx();
    }

    private void serve(int status, byte[] body) {
        jpx.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(body)
                .withHeader("ETag", "\"2024-08\"")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bothTheXlsxAndTheLegacyXlsWorkbookParseWithCodesAsText(boolean xlsx) {
        JpxList list = new JpxWorkbookParser().parse(BulkFixtures.jpxWorkbook(xlsx));

        assertThat(list.issues()).hasSize(8).containsKeys("1301", "130A", "8306");
        assertThat(list.date()).isEqualTo("20240830");
        assertThat(list.issue("1301").orElseThrow().sector33Code()).isEqualTo("50");
        assertThat(list.issue("1305").orElseThrow().hasSector()).isFalse();
    }

    @Test
    void aWorkbookWithOtherHeadersIsRefusedNamingThem() {
        List<String> header = Arrays.asList("日付", "コード", "銘柄名", "市場・商品区分", "33業種コード", "33業種区分",
                "17業種コード", "17業種区分", "規模コード", "規模");
        byte[] workbook = BulkFixtures.jpxWorkbook(true, header, BulkFixtures.JPX_ROWS);

        assertThatThrownBy(() -> new JpxWorkbookParser().parse(workbook)).isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("unexpected headers [日付, コード");
    }

    @Test
    void aMappedCodeAnswersWithTheCrosswalksSectorIndustryAndConfidence() {
        serve(200, BulkFixtures.jpxWorkbook(true));
        JpxSource source = source();
        source.prepare(Region.JP, List.of(candidate("JP", "8306")));

        Answer mufg = source.answer(candidate("JP", "8306"), RegionView.EMPTY);

        assertThat(mufg.sector().code()).isEqualTo("40");
        assertThat(mufg.industryCode()).isEqualTo("401010");
        assertThat(mufg.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(mufg.rawCode()).isEqualTo("7050");
        assertThat(mufg.rawLabel()).isEqualTo("銀行業");
        assertThat(mufg.detail()).isEqualTo("JPX listed issues 20240830");
        assertThat(source.answer(candidate("JP", "130A"), RegionView.EMPTY).sector().code()).isEqualTo("35");
        assertThat(source.answer(candidate("JP", "7974"), RegionView.EMPTY).confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void etfAndReitRowsWithADashAreNoAnswerNotAnError() {
        serve(200, BulkFixtures.jpxWorkbook(false));
        JpxSource source = source();
        source.prepare(Region.JP, List.of(candidate("JP", "1305")));

        Answer etf = source.answer(candidate("JP", "1305"), RegionView.EMPTY);
        Answer reit = source.answer(candidate("JP", "8951"), RegionView.EMPTY);
        Answer unknown = source.answer(candidate("JP", "9999"), RegionView.EMPTY);

        assertThat(etf.verdict()).isEqualTo(Verdict.NONE);
        assertThat(etf.reason()).isEqualTo("JPX gives no industry for ETF・ETN");
        assertThat(reit.verdict()).isEqualTo(Verdict.NONE);
        assertThat(unknown.reason()).isEqualTo("not in JPX's list of 20240830");
        assertThat(source.answer(candidate("US", "AAPL"), RegionView.EMPTY).verdict()).isEqualTo(Verdict.NONE);
    }

    @Test
    void aSecondRunInsideTheMaximumAgeMakesNoRequestAndALaterOneAsksConditionally() {
        serve(200, BulkFixtures.jpxWorkbook(true));
        source().prepare(Region.JP, List.of(candidate("JP", "8306")));
        source().prepare(Region.JP, List.of(candidate("JP", "8306")));
        jpx.verify(1, getRequestedFor(urlEqualTo(PATH)));

        clock.advance(Duration.ofDays(32));
        jpx.stubFor(get(urlEqualTo(PATH)).withHeader("If-None-Match", equalTo("\"2024-08\""))
                .willReturn(aResponse().withStatus(304)));
        JpxSource later = source();
        later.prepare(Region.JP, List.of(candidate("JP", "8306")));

        jpx.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("If-None-Match", equalTo("\"2024-08\"")));
        assertThat(later.answer(candidate("JP", "8306"), RegionView.EMPTY).hasSector()).isTrue();
        assertThat(later.lists().get(0).meta().checkedAt()).isEqualTo(clock.instant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"429", "503", "html", "truncated"})
    void aFailedRefreshKeepsTheLastGoodCopyAndNamesTheListAndTheReason(String fault) throws Exception {
        serve(200, BulkFixtures.jpxWorkbook(true));
        source().prepare(Region.JP, List.of(candidate("JP", "8306")));
        byte[] kept = Files.readAllBytes(cache.resolve("jpx.data"));
        byte[] good = BulkFixtures.jpxWorkbook(true);
        switch (fault) {
            case "429" -> serve(429, new byte[0]);
            case "503" -> serve(503, new byte[0]);
            case "html" -> serve(200, "<!DOCTYPE html><html><body>メンテナンス中</body></html>".getBytes());
            default -> serve(200, Arrays.copyOf(good, good.length / 2));
        }
        JpxSource source = source();

        List<String> problems = source.refresh();

        assertThat(problems).singleElement().asString().startsWith("jpx: ").contains(switch (fault) {
            case "429" -> "HTTP 429 (rate limited)";
            case "503" -> "HTTP 503";
            case "html" -> "does not parse: an HTML page instead of the workbook";
            default -> "does not parse: not a readable .xls or .xlsx workbook";
        });
        assertThat(Files.readAllBytes(cache.resolve("jpx.data"))).isEqualTo(kept);
        assertThat(source.answer(candidate("JP", "8306"), RegionView.EMPTY).sector().code()).isEqualTo("40");
        assertThat(source.lists().get(0).meta().lastError()).isNotBlank();
    }

    @Test
    void withoutAnyCopyAFailedDownloadLeavesTheTickersToTheNextSource() {
        serve(500, new byte[0]);
        JpxSource source = source();
        source.prepare(Region.JP, List.of(candidate("JP", "8306")));

        Answer answer = source.answer(candidate("JP", "8306"), RegionView.EMPTY);

        assertThat(answer.verdict()).isEqualTo(Verdict.NONE);
        assertThat(answer.reason()).isEqualTo("no JPX list (jpx: HTTP 500)");
    }
}
