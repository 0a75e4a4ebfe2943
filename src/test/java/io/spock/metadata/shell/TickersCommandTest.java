package io.spock.metadata.shell;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tickers} through the CLI on the demo universe, and the same filters on {@code export-csv} and
 * {@code coverage-report}. Several commands run as one piped script, one application start per test.
 * {@link PostgresTickersCommandTest} runs them again on PostgreSQL.
 */
class TickersCommandTest {

    @TempDir
    Path home;
    CliRun cli;
    String database;

    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void setUp() {
        database = backend().newDatabase(home);
        cli = new CliRun(home)
                .property("spock.home", Path.of("").toAbsolutePath().toString())
                .property("spock.db", database);
    }

    /** Creates the demo database, then classifies a few tickers as earlier runs would have. */
    private void classified() {
        assertThat(cli.run("status").exitCode()).isEqualTo(ExitCodes.OK);
        try (Database db = Database.open(DatabaseLocation.parse(database, null), null, null)) {
            classify(db, "JP", "6501", "45", "Information Technology", "KIS", "LOW");
            classify(db, "JP", "6146", "45", "Information Technology", "KIS", "MEDIUM");
            classify(db, "JP", "4901", "45", "Information Technology", "YAHOO", "HIGH");
            classify(db, "JP", "5838", "40", "Financials", "YAHOO", "HIGH");
            classify(db, "US", "BAC", "40", "Financials", "KIS", "HIGH");
            classify(db, "US", "OPHC", "45", "Information Technology", "YAHOO", "HIGH");
        }
    }

    private static void classify(Database db, String region, String ticker, String sector, String name, String source,
                                 String confidence) {
        db.dsl().update(TICKERS).set(TICKERS.SECTOR_CODE, sector).set(TICKERS.SECTOR_EN, name)
                .set(TICKERS.SOURCE, source).set(TICKERS.CONFIDENCE, confidence).set(TICKERS.STATUS, "CLASSIFIED")
                .set(TICKERS.LAST_ENRICHED, LocalDateTime.of(2026, 11, 30, 2, 31, 7))
                .where(TICKERS.REGION.eq(region), TICKERS.TICKER.eq(ticker)).execute();
    }

    /** Runs the lines as one piped script; returns each line's JSON output, in order. */
    private List<JsonNode> json(String... lines) throws IOException {
        CliRun.Result result = cli.runWithStdin(String.join("\n", lines) + "\n");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> documents = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser parser = mapper.createParser(result.out())) {
            while (parser.nextToken() != null) {
                documents.add(mapper.readTree(parser));
            }
        }
        assertThat(documents).hasSize(lines.length);
        return documents;
    }

    private static List<String> tickers(JsonNode rows) {
        List<String> tickers = new ArrayList<>();
        rows.forEach(r -> tickers.add(r.get("ticker").asText()));
        return tickers;
    }

    @Test
    void theOperatorsQuestionsAreAnsweredWithSectorsByCodeOrKoreanName() throws IOException {
        classified();

        List<JsonNode> answers = json(
                "tickers --regions JP --sector 정보기술 --source kis --format json",
                "tickers --regions JP --sector 45 --source KIS --format json",
                "tickers --regions US --name bank --sector not:Financials --format json",
                "tickers --regions JP --sector 45 --sort confidence --desc --format json");

        assertThat(tickers(answers.get(0))).as("Japanese IT on KIS's word").containsExactly("6146", "6501");
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(tickers(answers.get(2))).as("BANK in the name, not Financials").containsExactly("AVBH", "OPHC");
        assertThat(tickers(answers.get(3))).containsExactly("4901", "6146", "6501");
        JsonNode sony = answers.get(3).get(2);
        assertThat(sony.get("sector_code").asText()).isEqualTo("45");
        assertThat(sony.get("source").asText()).isEqualTo("KIS");
        assertThat(sony.get("confidence").asText()).isEqualTo("LOW");
        assertThat(sony.get("kis_code").asText()).isEqualTo("730");
    }

    @Test
    void aTablePageSaysHowManyMoreAndAnEmptyResultSaysSoWithExitZero() throws IOException {
        Path file = home.resolve("jp-it.csv");
        CliRun.Result result = cli.runWithStdin(String.join("\n",
                "tickers --regions VN --sort name --limit 2 --offset 1",
                "tickers --regions VN --sector Energy",
                "tickers --regions VN --sector Energy --format csv",
                "tickers --regions JP --name " + "\"co. ltd\"" + " --format csv --limit 3 --output " + file) + "\n");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("region  ticker  exchange  name")
                .contains("more (--offset 3 for the next page)")
                .contains("no tickers match")
                .contains("region,ticker,exchange,name,name_ko,kis_code,sector_code,sector,industry,source,"
                        + "confidence,status,spac,preferred,delisted,disagreement,last_enriched")
                .contains("wrote " + file);
        List<String> csv = Files.readAllLines(file);
        assertThat(csv).hasSize(4);
        assertThat(csv.subList(1, 4)).allSatisfy(line -> assertThat(line).startsWith("JP,").containsIgnoringCase("co. ltd"));
    }

    @Test
    void badFilterValuesAreOneLineEachWithExitTwoListingTheValidValues() {
        List<String> lines = List.of(
                "tickers --sector Finanse",
                "tickers --source kiss",
                "tickers --status lost",
                "tickers --confidence certain",
                "tickers --exchange XNAS",
                "tickers --kis-code 7200",
                "tickers --regions EU",
                "tickers --sort colour",
                "tickers --spac maybe",
                "tickers --sector not:",
                "tickers --limit 0",
                "tickers --offset -1");

        CliRun.Result result = cli.runWithStdin(String.join("\n", lines) + "\n");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.errors().lines().toList()).containsExactly(
                "error: line 1: unknown --sector 'Finanse': a GICS sector code (10-60) or name; closest: "
                        + "Financials, Energy, Utilities",
                "error: line 2: unknown --source 'kiss': choose jpx, kis, known, manual, nasdaq, parent, sec, yahoo or "
                        + "yahoo_screener",
                "error: line 3: unknown --status 'lost': choose pending, classified, not_applicable, not_found, failed or "
                        + "deferred",
                "error: line 4: unknown --confidence 'certain': choose high, medium or low",
                "error: line 5: unknown --exchange 'XNAS': choose NAS, NYS, AMS, SHS, SZS, HKS, TSE, HSX or HNX",
                "error: line 6: unknown --kis-code '7200': a KIS industry code is up to three digits, such as 720",
                "error: line 7: unknown region 'EU': choose from US, CN, HK, JP, VN or ALL",
                "error: line 8: unknown --sort column 'colour': choose region, ticker, exchange, name, name_ko, "
                        + "kis_code, sector, industry, source, confidence, status, spac, preferred, delisted, disagreement or "
                        + "last_enriched",
                "error: line 9: --spac takes true or false (or nothing, for true), not 'maybe'",
                "error: line 10: --sector needs a value after not:",
                "error: line 11: --limit must be from 1 to 100000, not 0",
                "error: line 12: --offset must be 0 or more, not -1");
    }

    @Test
    void exportCsvAndCoverageReportTakeTheSameFilters() throws IOException {
        classified();
        Path all = home.resolve("all.csv");
        Path jpIt = home.resolve("jp-it.csv");

        List<JsonNode> out = json(
                "tickers --regions JP --sector 45 --format json",
                "coverage-report --regions JP --sector 45 --format json",
                "coverage-report --regions JP --source yahoo --by sector --format json");
        CliRun.Result exports = cli.runWithStdin("export-csv " + all + "\nexport-csv " + jpIt
                + " --regions JP --sector 45\n");

        assertThat(exports.exitCode()).as(exports.err()).isEqualTo(ExitCodes.OK);
        List<String> exported = Files.readAllLines(jpIt);
        assertThat(exported.get(0)).isEqualTo(Files.readAllLines(all).get(0));
        assertThat(exported.subList(1, exported.size())).extracting(line -> line.split(",")[2])
                .containsExactlyElementsOf(tickers(out.get(0)));
        assertThat(Files.readAllLines(all)).hasSize(629);
        JsonNode coverage = out.get(1).get(0);
        assertThat(coverage.get("region").asText()).isEqualTo("JP");
        assertThat(coverage.get("total").asInt()).isEqualTo(3);
        assertThat(coverage.get("classified").asInt()).isEqualTo(3);
        assertThat(coverage.get("kis").asInt()).isEqualTo(2);
        assertThat(coverage.get("yahoo").asInt()).isEqualTo(1);
        assertThat(out.get(2).get(0).get("by_sector").toString())
                .isEqualTo("{\"40 Financials\":1,\"45 Information Technology\":1}");
    }
}
