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

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * inspect-ticker, map-sector, enrich --tickers and coverage-report through the CLI, on the demo universe with
 * Yahoo pointed at a closed port (so Yahoo is unreachable, as on a machine without network).
 */
class OperatorCommandsTest {

    @TempDir
    Path home;
    CliRun cli;

    /** The back end these tests run on; {@link PostgresOperatorCommandsTest} runs them all on PostgreSQL. */
    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void setUp() {
        cli = new CliRun(home)
                .yahooUnreachable()
                .withProjectConfig()
                .property("spock.db", backend().newDatabase(home));
    }

    private JsonNode json(CliRun.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void inspectShowsTheStoredFactsAndKisMapping() throws Exception {
        JsonNode msft = json(cli.run("inspect-ticker", "MSFT", "--format", "json"));

        assertThat(msft.get("exchange").asText()).isEqualTo("NAS");
        assertThat(msft.get("kis_code").asText()).isEqualTo("720");
        assertThat(msft.get("kis_maps_to").asText()).isEqualTo("45 Information Technology (low)");
        assertThat(msft.get("history")).isEmpty();
    }

    @Test
    void inspectUnknownTickerSuggestsTheClosest() {
        CliRun.Result result = cli.run("inspect-ticker", "MSFTT");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).startsWith("error: unknown ticker 'MSFTT'; closest: MSFT");
    }

    @Test
    void inspectLiveAsksTheSourcesAndWritesNothing() throws Exception {
        JsonNode live = json(cli.run("inspect-ticker", "XOM", "--live", "--format", "json")).get("live");

        assertThat(live.get("live_kis").asText()).startsWith("10 Energy");
        assertThat(live.get("live_yahoo").asText()).contains("unreachable");
        assertThat(json(cli.run("inspect-ticker", "XOM", "--format", "json")).get("sector_code").isNull()).isTrue();
    }

    @Test
    void manualFixSurvivesForceRefreshAndLandsInHistoryWithTheReason() throws Exception {
        CliRun.Result fix = cli.run("map-sector", "XOM", "Utilities", "--reason", "desk override");
        cli.run("enrich", "--regions", "US", "--force-refresh");

        JsonNode xom = json(cli.run("inspect-ticker", "XOM", "--format", "json"));
        assertThat(fix.out()).contains("US XOM: - -> 55 Utilities (MANUAL)");
        assertThat(xom.get("sector_code").asText()).isEqualTo("55");
        assertThat(xom.get("source").asText()).isEqualTo("MANUAL");
        assertThat(xom.get("history").get(0).get("reason").asText()).isEqualTo("desk override");
    }

    @Test
    void sectorsAreAcceptedAsCodeEnglishKoreanOrYahooName() throws Exception {
        assertThat(cli.run("map-sector", "AAPL", "45").exitCode()).isZero();
        assertThat(cli.run("map-sector", "MSFT", "정보기술").exitCode()).isZero();
        assertThat(cli.run("map-sector", "NVDA", "technology").exitCode()).isZero();
        assertThat(cli.run("map-sector", "AMZN", "Consumer Cyclical").exitCode()).isZero();

        assertThat(json(cli.run("inspect-ticker", "AMZN", "--format", "json")).get("sector_code").asText())
                .isEqualTo("25");
        assertThat(json(cli.run("inspect-ticker", "MSFT", "--format", "json")).get("sector_ko").asText())
                .isEqualTo("정보기술");
    }

    @Test
    void aFixThatChangesNothingSaysSo() {
        cli.run("map-sector", "AAPL", "45");

        CliRun.Result again = cli.run("map-sector", "AAPL", "45");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing changed");
    }

    @Test
    void clearBringsTheTickerBackIntoEnrichment() throws Exception {
        cli.run("map-sector", "XOM", "55");

        CliRun.Result cleared = cli.run("map-sector", "XOM", "--clear", "--reason", "back to KIS");
        CliRun.Result enrich = cli.run("enrich", "--regions", "US", "--format", "json");

        assertThat(cleared.out()).contains("due for enrich");
        JsonNode xom = json(cli.run("inspect-ticker", "XOM", "--format", "json"));
        assertThat(xom.get("sector_code").asText()).isEqualTo("10");
        assertThat(xom.get("source").asText()).isEqualTo("KIS");
        assertThat(xom.get("history").get(1).get("reason").asText()).isEqualTo("back to KIS");
        assertThat(enrich.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
    }

    @Test
    void badSectorIsRefusedWithTheClosestNames() {
        CliRun.Result result = cli.run("map-sector", "AAPL", "Tech stuff");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).startsWith("error: unknown sector 'Tech stuff'; closest: ");
    }

    @Test
    void enrichNamedTickersShowsBeforeAndAfterAndLeavesManualFixesAlone() throws Exception {
        cli.run("map-sector", "MSFT", "40");

        JsonNode run = json(cli.run("enrich", "--tickers", "XOM,MSFT", "--format", "json"));
        CliRun.Result manual = cli.run("enrich", "--tickers", "MSFT", "--include-manual", "--format", "json");
        JsonNode again = new ObjectMapper().readTree(manual.out());

        assertThat(run.get("changes")).hasSize(1);
        assertThat(run.get("changes").get(0).get("ticker").asText()).isEqualTo("XOM");
        assertThat(run.get("changes").get(0).get("after").asText()).isEqualTo("10 Energy");
        assertThat(again.get("changes").get(0).get("before").asText()).isEqualTo("40");
        assertThat(manual.exitCode()).as("MSFT's code 720 is low-confidence and Yahoo is unreachable")
                .isEqualTo(ExitCodes.INCOMPLETE);
    }

    /** Issue 16: {@code enrich --tickers AAPL} printed a summary row for all five regions. */
    @Test
    void enrichNamedTickersSummarisesOnlyTheirRegionsOrTheOnesAsked() throws Exception {
        JsonNode one = json(cli.run("enrich", "--tickers", "XOM", "--dry-run", "--format", "json"));
        JsonNode asked = json(cli.run("enrich", "--tickers", "XOM", "--regions", "US,JP", "--dry-run", "--format",
                "json"));

        assertThat(one.get("regions")).extracting(r -> r.get("region").asText()).containsExactly("US");
        assertThat(asked.get("regions")).extracting(r -> r.get("region").asText()).containsExactly("US", "JP");
    }

    /** Issue 16: typed tickers are read in each market's canonical form, or as a Yahoo symbol. */
    @Test
    void typedTickersFindTheCanonicalListing() throws Exception {
        CliRun.Result ambiguous = cli.run("inspect-ticker", "1");

        assertThat(json(cli.run("inspect-ticker", "858", "--region", "CN", "--format", "json")).get("ticker")
                .asText()).isEqualTo("000858");
        assertThat(json(cli.run("inspect-ticker", "BRK.B", "--format", "json")).get("ticker").asText())
                .isEqualTo("BRK/B");
        assertThat(json(cli.run("inspect-ticker", "0700.HK", "--format", "json")).get("ticker").asText())
                .isEqualTo("00700");
        assertThat(cli.run("map-sector", "brk-b", "40", "--dry-run").out()).contains("US BRK/B: ");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.errors())
                .isEqualTo("error: ticker '1' is listed in CN (000001), HK (00001): add --region");
        assertThat(cli.run("inspect-ticker", "858", "--region", "HK").errors())
                .isEqualTo("error: ticker '858' is not listed in HK (it is in CN (000858))");
    }

    @Test
    void enrichUnknownTickerIsAUsageError() {
        CliRun.Result result = cli.run("enrich", "--tickers", "XOM,NOPE1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).startsWith("error: unknown ticker 'NOPE1'");
    }

    @Test
    void coverageNumbersAddUpAndCsvParsesBack() throws Exception {
        cli.run("enrich", "--regions", "US,JP");

        CliRun.Result csv = cli.run("coverage-report", "--format", "csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.out())).getRecords();

        assertThat(rows).hasSize(5);
        for (CSVRecord row : rows) {
            int total = Integer.parseInt(row.get("total"));
            int classified = Integer.parseInt(row.get("classified"));
            int bySector = row.toMap().entrySet().stream().filter(e -> e.getKey().startsWith("sector: "))
                    .mapToInt(e -> Integer.parseInt(e.getValue())).sum();
            assertThat(bySector).isEqualTo(total);
            assertThat(classified + Integer.parseInt(row.get("unclassified"))
                    + Integer.parseInt(row.get("not_applicable"))).isEqualTo(total);
            assertThat(Integer.parseInt(row.get("known")) + Integer.parseInt(row.get("kis"))
                    + Integer.parseInt(row.get("parent"))
                    + Integer.parseInt(row.get("yahoo")) + Integer.parseInt(row.get("manual"))).isEqualTo(classified);
        }
        assertThat(rows.get(0).get("region")).isEqualTo("US");
        assertThat(Integer.parseInt(rows.get(0).get("total"))).isEqualTo(245);
    }

    @Test
    void coverageTableDrawsBarsAndListsUnclassified() {
        cli.run("enrich", "--regions", "VN");

        CliRun.Result table = cli.run("coverage-report", "--regions", "VN", "--by", "exchange");
        CliRun.Result missing = cli.run("coverage-report", "--regions", "VN", "--unclassified", "--format", "csv");

        assertThat(table.out()).contains("VN by exchange").contains("HSX").contains("█");
        assertThat(missing.out().lines().skip(1)).allSatisfy(line -> assertThat(line).contains("unreachable"));
    }

    @Test
    void coverageOutputRefusesToOverwriteWithoutForce() throws Exception {
        Path file = home.resolve("coverage.json");

        CliRun.Result first = cli.run("coverage-report", "--format", "json", "--output", file.toString());
        CliRun.Result second = cli.run("coverage-report", "--format", "json", "--output", file.toString());
        CliRun.Result forced = cli.run("coverage-report", "--format", "json", "--output", file.toString(), "--force");

        assertThat(first.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(Files.readString(file))).hasSize(5);
        assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.errors()).contains("already exists");
        assertThat(forced.exitCode()).isZero();
    }

    @Test
    void badInputsGiveOneLineAndExitTwo() {
        for (String[] args : List.of(
                new String[] {"coverage-report", "--by", "colour"},
                new String[] {"coverage-report", "--format", "yaml"},
                new String[] {"coverage-report", "--regions", "EU"},
                new String[] {"map-sector", "AAPL"},
                new String[] {"map-sector", "AAPL", "45", "--clear"},
                new String[] {"map-sector", "AAPL", "45", "--region", "JP"},
                new String[] {"inspect-ticker", "AA PL"},
                new String[] {"enrich", "--max-age-days", "-1"},
                new String[] {"enrich", "--force-refresh", "--incremental"})) {
            CliRun.Result result = cli.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(result.errors()).as(String.join(" ", args)).startsWith("error: ").doesNotContain("\n");
            assertThat(result.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void theInteractiveShellRunsAWalkThrough() {
        CliRun.Result session = cli.interactive("""
                map-sector AAPL 45 --reason walkthrough
                inspect-ticker AAPL
                coverage-report --regions US
                quit
                """);

        assertThat(session.out()).contains("spock:>").contains("US AAPL:").contains("walkthrough")
                .contains("US by sector");
    }
}
