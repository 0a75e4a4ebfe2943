package io.spock.metadata.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.TestStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sector names in every market's language through the CLI (issue 19): sectors typed in any language, {@code --lang}
 * and the setting {@code spock.display.lang} on the commands that show sector names, CSV and JSON keeping their
 * columns. On the demo universe, Yahoo unreachable.
 */
class DisplayLanguageCommandsTest {

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home).yahooUnreachable().withProjectConfig()
                .property("spock.db", TestStore.Backend.SQLITE.newDatabase(home));
    }

    private static JsonNode json(CliRun.Result result) {
        assertThat(result.exitCode()).as(result.err()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
        try {
            return new ObjectMapper().readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> csv(CliRun.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(result.out())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(CliRun.Result result) {
        return result.out().lines().findFirst().orElseThrow();
    }

    @Test
    void mapSectorTakesASectorByNameOrAliasInEveryLanguage() {
        CliRun.Result result = cli.runWithStdin("""
                map-sector XOM 에너지
                map-sector 0700 信息技术 --region HK
                map-sector 00005 金融業 --region HK
                map-sector 600519 日常消费品 --region CN
                map-sector 000858 主要消费 --region CN
                map-sector 7203 一般消費財・サービス --region JP
                map-sector 8306 金融 --region JP
                map-sector VNM "Hàng tiêu dùng thiết yếu" --region VN
                map-sector VCB "Tai chinh" --region VN
                """);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(
                "US XOM: - -> 10 Energy (MANUAL)",
                "HK 00700: - -> 45 Information Technology (MANUAL)",
                "HK 00005: - -> 40 Financials (MANUAL)",
                "CN 600519: - -> 30 Consumer Staples (MANUAL)",
                "CN 000858: - -> 30 Consumer Staples (MANUAL)",
                "JP 7203: - -> 25 Consumer Discretionary (MANUAL)",
                "JP 8306: - -> 40 Financials (MANUAL)",
                "VN VNM: - -> 30 Consumer Staples (MANUAL)",
                "VN VCB: - -> 40 Financials (MANUAL)");
    }

    @Test
    void sectorFiltersTakeNamesInEveryLanguage() {
        cli.run("map-sector", "00700", "資訊科技", "--region", "HK");

        List<CSVRecord> tickers = csv(cli.run("tickers", "--sector", "情報技術,Công nghệ thông tin", "--format", "csv"));
        List<CSVRecord> changes = csv(cli.run("changes", "--sector", "信息技术", "--format", "csv"));

        assertThat(tickers).extracting(r -> r.get("ticker")).containsExactly("00700");
        assertThat(changes).extracting(r -> r.get("ticker")).containsExactly("00700");
    }

    @Test
    void inspectTickerNamesTheSectorInTheChosenLanguageAndJsonAddsSectorNameOnlyWithLang() {
        cli.run("map-sector", "00700", "45", "--region", "HK");

        CliRun.Result table = cli.run("inspect-ticker", "00700", "--region", "HK", "--lang", "zh-Hant");
        JsonNode plain = json(cli.run("inspect-ticker", "00700", "--region", "HK", "--format", "json"));
        JsonNode japanese = json(cli.run("inspect-ticker", "00700", "--region", "HK", "--format", "json",
                "--lang", "ja"));

        assertThat(table.out()).containsPattern("sector_name +資訊科技").contains("45 資訊科技")
                .containsPattern("sector_en +Information Technology");
        assertThat(plain.has("sector_name")).isFalse();
        assertThat(plain.get("evidence").get(0).has("sector_name")).isFalse();
        assertThat(japanese.get("sector_name").asText()).isEqualTo("情報技術");
        assertThat(japanese.get("sector_en").asText()).isEqualTo("Information Technology");
        assertThat(japanese.get("evidence").get(0).get("sector").asText()).isEqualTo("45 Information Technology");
        assertThat(japanese.get("evidence").get(0).get("sector_name").asText()).isEqualTo("情報技術");
    }

    @Test
    void coverageReportNamesSectorsInTheChartAndKeepsItsCsvColumns() {
        cli.run("map-sector", "00700", "45", "--region", "HK");

        CliRun.Result table = cli.run("coverage-report", "--regions", "HK", "--lang", "ja");
        CliRun.Result csvPlain = cli.run("coverage-report", "--regions", "HK", "--format", "csv");
        CliRun.Result csvChosen = cli.run("coverage-report", "--regions", "HK", "--format", "csv", "--lang", "ja");
        JsonNode json = json(cli.run("coverage-report", "--regions", "HK", "--format", "json", "--lang", "vi")).get(0);

        assertThat(table.out()).contains("HK by sector").contains("45 情報技術").doesNotContain("Information Technology");
        assertThat(header(csvChosen)).isEqualTo(header(csvPlain)).contains("sector: 45 Information Technology");
        assertThat(json.get("by_sector").has("45 Information Technology")).isTrue();
        assertThat(json.get("sector_names").get("45").asText()).isEqualTo("Công nghệ thông tin");
    }

    @Test
    void enrichReviewAndTheRunReportNameSectorsInTheChosenLanguage() throws IOException {
        Path report = home.resolve("run.txt");
        JsonNode run = json(cli.run("enrich", "--tickers", "MSFT", "--format", "json", "--lang", "zh-Hans",
                "--report", report.toString()));
        CliRun.Result table = cli.run("review", "--regions", "US", "--lang", "zh-Hans");
        CliRun.Result csvPlain = cli.run("review", "--regions", "US", "--format", "csv");
        List<CSVRecord> csvChosen = csv(cli.run("review", "--regions", "US", "--format", "csv", "--lang", "zh-Hans"));
        JsonNode jsonChosen = json(cli.run("review", "--regions", "US", "--format", "json", "--lang", "ko")).get(0);

        JsonNode msft = run.get("changes").get(0);
        assertThat(msft.get("after").asText()).isEqualTo("45 Information Technology");
        assertThat(msft.get("sector_name").asText()).isEqualTo("信息技术");
        assertThat(Files.readString(report))
                .contains("tickers moved into each sector by this run").contains("45 信息技术");
        assertThat(Files.readString(home.resolve("run.json")))
                .contains("\"sector_name\" : \"信息技术\"").contains("\"tickers\" : 1");

        assertThat(table.out()).contains("45 信息技术 (KIS, low)");
        assertThat(header(csvPlain)).isEqualTo("region,ticker,name,reasons,decided,sources,map_sector");
        assertThat(csvChosen.get(0).getParser().getHeaderNames()).containsExactly("region", "ticker", "name",
                "reasons", "decided", "sources", "map_sector", "sector_name");
        assertThat(csvChosen.get(0).get("decided")).isEqualTo("45 Information Technology (KIS, low)");
        assertThat(csvChosen.get(0).get("sector_name")).isEqualTo("信息技术");
        assertThat(jsonChosen.get("sector_en").asText()).isEqualTo("Information Technology");
        assertThat(jsonChosen.get("sector_name").asText()).isEqualTo("정보기술");
    }

    @Test
    void theSettingChoosesTheTablesLanguageAndLeavesCsvAndJsonAsTheyAre() {
        cli.property("spock.display.lang", "ja");
        cli.run("map-sector", "00700", "45", "--region", "HK");

        CliRun.Result table = cli.run("inspect-ticker", "00700", "--region", "HK");
        CliRun.Result csvOut = cli.run("coverage-report", "--regions", "HK", "--format", "csv");
        JsonNode json = json(cli.run("inspect-ticker", "00700", "--region", "HK", "--format", "json"));
        CliRun.Result english = cli.run("inspect-ticker", "00700", "--region", "HK", "--lang", "en");

        assertThat(table.out()).contains("45 情報技術").containsPattern("sector_name +情報技術");
        assertThat(header(csvOut)).contains("sector: 45 Information Technology").doesNotContain("情報技術");
        assertThat(json.has("sector_name")).isFalse();
        assertThat(json.get("kis_maps_to").asText()).startsWith("45 Information Technology");
        assertThat(english.out()).contains("45 Information Technology").doesNotContain("情報技術");
    }
}
