package io.spock.metadata.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.support.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One-shot and piped mode as cron and scripts use them: errors that say what to type, help, version, scripts. */
class CommandLineTest {

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home).withProjectConfig();
    }

    private static void assertUsage(CliRun.Result result, String error) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).isEqualTo(error);
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void anUnknownCommandSuggestsTheClosest() {
        assertUsage(cli.run("staus"), "error: unknown command 'staus'; did you mean 'status'? ('help' lists the commands)");
        assertUsage(cli.run("frobnicate"), "error: unknown command 'frobnicate'; 'help' lists the commands");
    }

    @Test
    void aConversionErrorNamesTheOptionAndTheExpectedValue() {
        assertUsage(cli.run("enrich", "--max-workers", "abc"),
                "error: --max-workers: expected a whole number from 1 to 10, got 'abc'");
        assertUsage(cli.run("status", "--max-age-days", "x"),
                "error: --max-age-days: expected a whole number of 0 or more, got 'x'");
        assertUsage(cli.run("enrich", "--retry-delay", "soon"),
                "error: --retry-delay: expected a number from 0 to 3600, got 'soon'");
        assertUsage(cli.run("enrich", "--parallel", "--max-workers"),
                "error: --max-workers needs a value: a whole number from 1 to 10");
    }

    @Test
    void anUnknownOptionSuggestsTheClosest() {
        assertUsage(cli.run("status", "--regoins", "US"), "error: status: unknown option '--regoins'; did you mean --regions?");
    }

    @Test
    void aMissingTickerSaysWhatToType() {
        assertUsage(cli.run("inspect-ticker"), "error: inspect-ticker needs a ticker, e.g. inspect-ticker AAPL");
        assertUsage(cli.run("map-sector"), "error: map-sector needs a ticker, e.g. map-sector AAPL");
    }

    @Test
    void aThirdPositionalWordIsAnErrorNamingIt() {
        CliRun.Result result = cli.run("map-sector", "AAPL", "Information", "Technology");

        assertUsage(result, "error: unexpected word 'Technology': map-sector takes <ticker> <sector> and then options;"
                + " a value with spaces needs quotes: \"Information Technology\"");
        assertUsage(cli.run("status", "US"), "error: unexpected word 'US': status takes no value without an option"
                + " name; see 'help status'");
    }

    @Test
    void pipedErrorsNameTheScriptLine() {
        String script = "# nightly\n\nstatus --regions US --format csv\n\n\n\nstatus --regions MARS\n";

        CliRun.Result result = cli.runWithStdin(script);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors())
                .isEqualTo("error: line 7: unknown region 'MARS': choose from US, CN, HK, JP, VN or ALL");
    }

    @Test
    void aTrailingCommentIsNotAnArgumentUnlessQuoted() throws Exception {
        Path hashed = home.resolve("report #1.csv");
        String script = "status --regions US --format csv   # the US only\n"
                + "export-csv '" + hashed + "' --regions VN # kept\n";

        CliRun.Result result = cli.runWithStdin(script);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("US,");
        assertThat(Files.exists(hashed)).isTrue();
    }

    @Test
    void backslashesSurviveInPipedScriptsAsInOneShotMode() {
        Path windowsLike = home.resolve("C:\\tmp\\y.csv");
        Path quoted = home.resolve("back\\slash.csv");
        String script = "export-csv " + windowsLike + " --regions VN\n"
                + "export-csv \"" + quoted + "\" --regions VN\n";

        CliRun.Result result = cli.runWithStdin(script);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.exists(windowsLike)).isTrue();
        assertThat(Files.exists(quoted)).isTrue();
    }

    @Test
    void helpListsTheSameGroupsInOneShotAsInTheShell() {
        CliRun.Result oneShot = cli.run("help");
        CliRun.Result shell = cli.interactive("help\nquit\n");

        List<String> groups = List.of("Enrichment", "Inspection and review", "Universe", "Store", "Monitoring", "Shell");
        assertThat(oneShot.out()).containsSubsequence(groups);
        assertThat(shell.plainOut()).containsSubsequence(groups);
        assertThat(oneShot.out().lines().filter(groups::contains).toList()).isEqualTo(groups);
        assertThat(shell.plainOut()).contains(oneShot.out().lines().filter(l -> l.startsWith("  ")).findFirst()
                .orElseThrow());
    }

    @Test
    void helpForACommandIsShortWithOptionalFlagsInBracketsAndExamples() {
        CliRun.Result help = cli.run("help", "enrich");

        assertThat(help.exitCode()).isZero();
        // one screen: 20 options (--lang and --wait the latest) with their descriptions, usage and examples
        assertThat(help.out().lines().count()).isLessThan(50);
        assertThat(help.out()).contains("usage: enrich [--regions LIST] [--tickers T1,T2] [--force-refresh]")
                .contains("[--max-workers N]").contains("regions at once with --parallel (1 to 10, default 5)").contains("examples:").contains("enrich --regions US --tickers AAPL,MSFT")
                .doesNotContain("[default = false]").doesNotContain("[Optional");
        assertThat(help.out().lines().filter(l -> l.contains("--progress-bar ")).findFirst().orElseThrow())
                .contains("default: when on a terminal").doesNotContain("default false");
        assertThat(cli.run("enrich", "--help").out()).isEqualTo(help.out());
    }

    @Test
    void helpForMapSectorShowsThePositionalFormAndQuotes() {
        CliRun.Result help = cli.run("help", "map-sector");

        assertThat(help.out()).contains("usage: map-sector <ticker> [<sector>] [--region")
                .contains("Values with spaces need quotes").contains("map-sector AAPL \"Information Technology\"");
    }

    @Test
    void helpFlagCoversModesGlobalFlagsEnvironmentAndExitStatuses() {
        CliRun.Result help = cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Modes").contains("./spock < script.txt").contains("--verbose")
                .contains("--bail").contains("--version").contains("SPOCK_DB").contains("KIS_APP_KEY")
                .contains("130").contains("143").contains("Enrichment");
    }

    @Test
    void versionFlagAndCommandPrintVersionCommitAndBuildTime() {
        CliRun.Result flag = cli.run("--version");
        CliRun.Result command = cli.run("version");

        assertThat(flag.exitCode()).isZero();
        assertThat(flag.out().strip()).matches("spock \\S+ \\(commit \\S+, built \\S+\\)").isEqualTo(command.out().strip());
        assertThat(flag.out()).doesNotContain("unknown");
    }

    @Test
    void coverageCsvAlwaysHasEveryGicsSectorInCodeOrder() throws Exception {
        CliRun.Result jp = cli.run("coverage-report", "--regions", "JP", "--format", "csv");
        CliRun.Result all = cli.run("coverage-report", "--format", "csv");

        String header = jp.out().lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo(all.out().lines().findFirst().orElseThrow());
        assertThat(header).containsSubsequence("sector: 10 Energy", "sector: 15 Materials", "sector: 20 Industrials",
                "sector: 25 Consumer Discretionary", "sector: 30 Consumer Staples", "sector: 35 Health Care",
                "sector: 40 Financials", "sector: 45 Information Technology", "sector: 50 Communication Services",
                "sector: 55 Utilities", "sector: 60 Real Estate", "sector: unclassified");
        assertThat(header.split(",")).filteredOn(column -> column.startsWith("sector: ")).hasSize(12);
        JsonNode json = new ObjectMapper().readTree(cli.run("coverage-report", "--regions", "JP", "--format", "json").out());
        assertThat(json.get(0).get("region").asText()).isEqualTo("JP");
    }

    @Test
    void statusShowsTheLastRunWithItsStateOnlyForRegionsThatRan() throws Exception {
        cli.yahooUnreachable();
        assertThat(cli.run("status").out()).contains("last run: none yet");
        cli.run("enrich", "--regions", "VN", "--no-progress-bar");

        CliRun.Result table = cli.run("status");
        JsonNode json = new ObjectMapper().readTree(cli.run("status", "--format", "json").out());

        assertThat(table.out()).containsPattern("VN\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\s+COMPLETED")
                .doesNotContainPattern("US\\s+\\d{4}-\\d{2}-\\d{2}");
        for (JsonNode region : json) {
            boolean ran = region.get("region").asText().equals("VN");
            assertThat(region.get("last_run_status").isNull()).as(region.toString()).isEqualTo(!ran);
        }
    }
}
