package io.spock.metadata.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.support.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The same command in one-shot and piped mode, with the documented exit statuses and one-line errors. */
class CliModesTest {

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home);
    }

    @Test
    void oneShotStatusPrintsJsonForEveryRegionAndExitsZero() throws Exception {
        CliRun.Result result = cli.run("status", "--format", "json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json).hasSize(5);
        assertThat(json.get(0).get("region").asText()).isEqualTo("US");
        assertThat(json.get(0).get("total").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void firstStartCreatesTheDatabaseAndLoadsTheDemoUniverseOnce() {
        CliRun.Result first = cli.run("status", "--format", "csv");
        CliRun.Result second = cli.run("status", "--format", "csv");

        assertThat(Files.exists(home.resolve("test.db"))).isTrue();
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(first.out().lines().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[1])).sum())
                .isGreaterThanOrEqualTo(300);
    }

    @Test
    void unknownRegionIsAUsageErrorOnOneLine() {
        CliRun.Result result = cli.run("status", "--regions", "US,XX");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).isEqualTo("error: unknown region 'XX': choose from US, CN, HK, JP, VN or ALL");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownCommandAndUnknownOptionAreUsageErrors() {
        CliRun.Result command = cli.run("frobnicate");
        CliRun.Result option = cli.run("status", "--colour", "red");

        assertThat(command.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(command.errors()).startsWith("error: unknown command 'frobnicate'");
        assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.errors()).contains("--colour").doesNotContain("\n");
    }

    @Test
    void badFormatIsAUsageErrorWithoutStackTrace() {
        CliRun.Result result = cli.run("status", "--format", "xml");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("error: unknown format 'xml'").doesNotContain("\tat ");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun.Result result = cli.run("--verbose", "status", "--format", "xml");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("\tat ");
    }

    @Test
    void unsupportedDatabaseUrlIsAUsageError() {
        CliRun.Result result = cli.property("spock.db", "jdbc:mysql://localhost/spock").run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).startsWith("error: SPOCK_DB: unsupported database URL");
    }

    @Test
    void databaseInAMissingDirectoryCannotBeOpened() {
        CliRun.Result result = cli.env("SPOCK_DB", home.resolve("nowhere/x.db").toString())
                .property("spock.db", home.resolve("nowhere/x.db").toString()).run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).startsWith("error: cannot open database").contains("does not exist");
    }

    @Test
    void databaseThatIsNotSqliteCannotBeOpened() throws Exception {
        Path garbage = home.resolve("garbage.db");
        Files.writeString(garbage, "this is not a database, just text that is long enough to look like a header");

        CliRun.Result result = cli.property("spock.db", garbage.toString()).run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).startsWith("error: cannot").doesNotContain("\n");
    }

    @Test
    void pipedLinesSkipBlanksAndCommentsAndExitWithTheWorstStatus() {
        String script = """
                # daily check
                status --regions US --format csv

                status --regions XX
                status --regions JP --format csv
                """;

        CliRun.Result result = cli.runWithStdin(script);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).contains("US,").contains("JP,").doesNotContain("spock:>");
        assertThat(result.errors()).isEqualTo("error: line 4: unknown region 'XX': choose from US, CN, HK, JP, VN or ALL");
    }

    @Test
    void bailStopsAtTheFirstFailingLine() {
        String script = "status --regions XX\nstatus --regions JP --format csv\n";

        CliRun.Result result = cli.runWithStdin(script, "--bail");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).doesNotContain("JP,");
    }

    @Test
    void pipedScriptWithOnlySuccessesExitsZero() {
        CliRun.Result result = cli.runWithStdin("status --regions US\n\nstatus --regions VN\n");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("US").contains("VN");
    }

    @Test
    void unknownGlobalFlagIsAUsageError() {
        CliRun.Result result = cli.run("--frob", "status");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).startsWith("error: unknown option '--frob'");
    }
}
