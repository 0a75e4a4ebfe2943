package io.spock.metadata.shell;

import io.spock.metadata.support.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.Shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tab completion through the shell's own completion entry point, as JLine calls it. */
class CompletionTest {

    @TempDir
    static Path home;
    static ConfigurableApplicationContext context;
    static Shell shell;

    @BeforeAll
    static void start() {
        context = TestContext.start(home, Map.of("spock.home", Path.of("").toAbsolutePath().toString(),
                "spock.db", home.resolve("test.db").toString()));
        shell = context.getBean(Shell.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static List<String> complete(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.split(" ", -1)));
        CompletionContext ctx = new CompletionContext(words, words.size() - 1, words.get(words.size() - 1).length(),
                null, null);
        return shell.complete(ctx).stream().map(CompletionProposal::value).toList();
    }

    @Test
    void regionValuesCompleteAfterTheOption() {
        assertThat(complete("status --regions ")).contains("US", "CN", "HK", "JP", "VN", "ALL");
        assertThat(complete("status --regions J")).contains("JP").doesNotContain("US");
    }

    @Test
    void regionListsCompleteTheirLastItem() {
        assertThat(complete("status --regions US,C")).contains("US,CN").doesNotContain("US,HK");
    }

    @Test
    void tickersCompletePositionallyAsUsersTypeThem() {
        assertThat(complete("inspect-ticker AA")).contains("AAPL")
                .filteredOn(t -> !t.startsWith("-")).allSatisfy(t -> assertThat(t).startsWith("AA"));
        assertThat(complete("map-sector MSF")).contains("MSFT");
    }

    @Test
    void tickersCompleteAfterTheOptionAndScopedByRegion() {
        assertThat(complete("inspect-ticker --ticker AA")).contains("AAPL");
        assertThat(complete("inspect-ticker --region HK 007")).contains("00700").doesNotContain("AAPL");
        assertThat(complete("enrich --tickers XOM,AA")).contains("XOM,AAPL");
    }

    @Test
    void theSecondPositionalOfMapSectorCompletesSectors() {
        assertThat(complete("map-sector AAPL Inf")).contains("Information Technology");
        assertThat(complete("map-sector AAPL 4")).contains("40", "45");
        assertThat(complete("map-sector --region US AAPL 정")).contains("정보기술");
    }

    @Test
    void noValueIsProposedWhereAnOptionNameIsExpected() {
        assertThat(complete("inspect-ticker AAPL --")).doesNotContain("AAPL", "MSFT");
    }

    @Test
    void tickerPrefixLookupUsesTheIndexAndIsBounded() {
        assertThat(complete("inspect-ticker ")).hasSizeLessThanOrEqualTo(Completions.MAX_TICKERS + 20);
    }

    @Test
    void formatValuesComplete() {
        assertThat(complete("status --format j")).contains("json");
    }

    @Test
    void tickerFiltersOfferTheirValuesAlsoInListsAndAfterNot() {
        assertThat(complete("tickers --sector Fin")).contains("Financials");
        assertThat(complete("tickers --sector 정")).contains("정보기술");
        assertThat(complete("tickers --sector not:Fin")).contains("not:Financials");
        assertThat(complete("tickers --source ")).contains("kis", "manual", "yahoo");
        assertThat(complete("tickers --status not:classified,not")).contains("not:classified,not_applicable",
                "not:classified,not_found");
        assertThat(complete("tickers --exchange N")).contains("NAS", "NYS").doesNotContain("TSE");
        assertThat(complete("tickers --confidence h")).contains("high");
        assertThat(complete("tickers --sort last")).contains("last_enriched");
        assertThat(complete("export-csv out.csv --regions J")).contains("JP");
        assertThat(complete("coverage-report --status f")).contains("failed");
    }

    @Test
    void changesCompleteSectorsAndSources() {
        assertThat(complete("changes --sector Ener")).contains("Energy");
        assertThat(complete("changes --source y")).contains("yahoo");
    }

    @Test
    void langCompletesTheLanguageTags() {
        assertThat(complete("review --lang ")).contains("en", "ko", "zh-Hans", "zh-Hant", "ja", "vi");
        assertThat(complete("coverage-report --lang zh")).contains("zh-Hans", "zh-Hant").doesNotContain("en", "ja");
    }

    @Test
    void sectorsCompleteInTheDisplayLanguageAndInAnyLanguageTyped() {
        assertThat(complete("map-sector AAPL ")).contains("45", "Information Technology")
                .doesNotContain("情報技術", "信息技术");
        assertThat(complete("coverage-report --lang ja --sector ")).contains("45", "情報技術", "資本財・サービス")
                .doesNotContain("Information Technology");
        assertThat(complete("coverage-report --lang zh-Hant --sector not:資")).contains("not:資訊科技");
        assertThat(complete("map-sector AAPL 信")).contains("信息技术").doesNotContain("45", "情報技術");
        assertThat(complete("map-sector AAPL Công")).contains("Công nghiệp", "Công nghệ thông tin");
    }

    @Test
    void theDisplaySettingChoosesTheLanguageOfSectorCompletion(@TempDir Path other) {
        try (ConfigurableApplicationContext traditional = TestContext.start(other, Map.of(
                "spock.home", Path.of("").toAbsolutePath().toString(), "spock.db", other.resolve("test.db").toString(),
                "spock.display.lang", "zh-Hant"))) {
            Shell traditionalShell = traditional.getBean(Shell.class);
            List<String> words = List.of("map-sector", "AAPL", "");
            List<String> proposals = traditionalShell.complete(new CompletionContext(words, 2, 0, null, null)).stream()
                    .map(CompletionProposal::value).toList();
            assertThat(proposals).contains("45", "資訊科技").doesNotContain("Information Technology");
        }
    }
}
