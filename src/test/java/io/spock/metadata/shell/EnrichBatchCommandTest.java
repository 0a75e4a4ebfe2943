package io.spock.metadata.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.store.generated.tables.records.RunRegionsRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.ProjectConfig;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.YahooStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.RUN_REGION_SOURCES;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code enrich} as a batch job: flags, report files, metrics endpoint errors, progress bars and logs. */
class EnrichBatchCommandTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        ProjectConfig.copyTo(home);
        YahooStub yahoo = new YahooStub(wireMock);
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        cli = new CliRun(home)
                .property("spock.yahoo.url", yahoo.baseUrl())
                .property("spock.yahoo.cookie-url", yahoo.cookieUrl())
                .property("spock.yahoo.rate", "1000")
                .property("spock.yahoo.burst", "10")
                .property("spock.yahoo.retry.initial-delay", "1ms")
                .property("spock.yahoo.retry.max-delay", "2ms");
    }

    /** Log lines go to the process's stderr and to {@code logs/spock.log}, which is what is checked. */
    private String log() {
        try {
            return Files.readString(home.resolve("logs/spock.log"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void withDatabase(Consumer<Database> action) {
        cli.run("status");
        try (Database db = Database.open(DatabaseLocation.parse(home.resolve("test.db").toString(), null), null,
                null)) {
            action.accept(db);
        }
    }

    @Test
    void parallelRunWritesReportFilesThatAgreeWithTheDatabase() throws Exception {
        Path report = home.resolve("nightly.json");

        CliRun.Result result = cli.run("enrich", "--regions", "ALL", "--parallel", "--max-workers", "3",
                "--report", report.toString(), "--format", "json");

        assertThat(result.exitCode()).as("the stub knows only AAPL: the rest are not found, an answer")
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(home.resolve("nightly.txt"))).contains("Enrichment run", "US", "NOT_FOUND");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("regions_at_once").asInt()).isEqualTo(3);
        assertThat(json.get("spock").get("version").asText()).isNotEqualTo("unknown");
        assertThat(json.get("spock").get("commit").asText()).isNotEqualTo("unknown");
        assertThat(json.get("spock").get("built").asText()).isNotEqualTo("unknown");
        assertThat(json.get("regions")).hasSize(5);
        assertThat(new ObjectMapper().readTree(result.out()).get("report").asText()).isEqualTo(report.toString());
        withDatabase(db -> {
            int runId = json.get("run_id").asInt();
            assertThat(db.dsl().fetchOne(ENRICHMENT_RUNS, ENRICHMENT_RUNS.ID.eq(runId)).getStatus())
                    .isEqualTo(json.get("status").asText());
            for (JsonNode region : json.get("regions")) {
                String name = region.get("region").asText();
                RunRegionsRecord row = db.dsl().fetchOne(RUN_REGIONS, RUN_REGIONS.RUN_ID.eq(runId)
                        .and(RUN_REGIONS.REGION.eq(name)));
                assertThat(row.getStatus()).isEqualTo(region.get("status").asText());
                assertThat(row.getTotal()).as(name).isEqualTo(region.get("total").asInt());
                assertThat(row.getEnriched()).isEqualTo(region.get("enriched").asInt());
                Map<String, Integer> bySource = new HashMap<>();
                db.dsl().selectFrom(RUN_REGION_SOURCES).where(RUN_REGION_SOURCES.RUN_ID.eq(runId),
                        RUN_REGION_SOURCES.REGION.eq(name)).forEach(r -> bySource.put(r.getSource().toLowerCase(),
                        r.getClassified()));
                region.get("classified_by_source").fields().forEachRemaining(source -> assertThat(
                        bySource.getOrDefault(source.getKey(), 0)).as(name + " " + source.getKey())
                        .isEqualTo(source.getValue().asInt()));
                assertThat(bySource.values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(row.getEnriched());
                assertThat(row.getNotFound()).isEqualTo(region.get("not_found").asInt());
                assertThat(row.getFailed()).isEqualTo(region.get("failed").asInt());
                assertThat(row.getDeferred()).isEqualTo(region.get("deferred").asInt());
                assertThat(region.get("problems")).hasSize(row.getNotFound() + row.getFailed() + row.getDeferred());
                for (JsonNode problem : region.get("problems")) {
                    TickersRecord ticker = db.dsl().fetchOne(TICKERS, TICKERS.REGION.eq(name)
                            .and(TICKERS.TICKER.eq(problem.get("ticker").asText())));
                    assertThat(ticker.getStatus()).isEqualTo(problem.get("status").asText());
                    assertThat(ticker.getLastError()).isEqualTo(problem.get("error").asText());
                }
            }
        });
    }

    @Test
    void reportGoesToLogsByDefaultAndNotForADryRun() {
        cli.run("enrich", "--regions", "JP", "--dry-run");
        assertThat(home.resolve("logs/enrichment_report.json")).doesNotExist();

        cli.run("enrich", "--regions", "JP");

        assertThat(home.resolve("logs/enrichment_report.txt")).exists();
        assertThat(home.resolve("logs/enrichment_report.json")).exists();
    }

    @Test
    void aFailingRegionIsRetriedThenLeavesTheOthersCompleteAndExitsThree() {
        withDatabase(db -> db.dsl().execute("CREATE TRIGGER fail_hk BEFORE UPDATE ON tickers WHEN NEW.region = 'HK'"
                + " BEGIN SELECT RAISE(ABORT, 'database is locked'); END"));

        CliRun.Result result = cli.run("enrich", "--regions", "HK,JP", "--parallel", "--max-retries", "2",
                "--retry-delay", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(result.out()).containsPattern("HK .*FAILED").containsPattern("JP .*COMPLETED")
                .contains("HK failed: ").contains("database is locked");
        assertThat(log()).contains("retry 2 of 2");
        withDatabase(db -> {
            assertThat(db.dsl().fetchCount(TICKERS, TICKERS.REGION.eq("JP").and(TICKERS.LAST_ENRICHED.isNotNull())))
                    .isPositive();
            assertThat(db.dsl().fetchCount(TICKERS, TICKERS.REGION.eq("HK").and(TICKERS.LAST_ENRICHED.isNotNull())))
                    .isZero();
        });
    }

    @Test
    void badFlagsAreOneLineUsageErrors() {
        assertUsage(cli.run("enrich", "--max-workers", "11", "--parallel"),
                "--max-workers: expected a whole number from 1 to 10, got '11'");
        assertUsage(cli.run("enrich", "--max-workers", "0"), "--max-workers: expected a whole number from 1 to 10, got '0'");
        assertUsage(cli.run("enrich", "--max-retries", "-1"), "--max-retries: expected a whole number from 0 to 10");
        assertUsage(cli.run("enrich", "--retry-delay", "-2"), "--retry-delay: expected a number from 0 to 3600, got '-2'");
        assertUsage(cli.run("enrich", "--linger", "5"), "--linger keeps the metrics endpoint up");
        assertUsage(cli.run("enrich", "--progress-bar", "--no-progress-bar"), "exclude each other");
        assertUsage(cli.run("enrich", "--prometheus-port", "70000"),
                "--prometheus-port: expected a whole number from 0 to 65535, got '70000'");
        assertUsage(cli.run("enrich", "--report", home.resolve("missing/r.txt").toString()), "does not exist");
    }

    private static void assertUsage(CliRun.Result result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).startsWith("error: ").contains(message).doesNotContain("\n");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void aMetricsPortInUseIsOneLineAndExitOneBeforeAnythingRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun.Result result = cli.run("enrich", "--regions", "JP", "--prometheus-port",
                    String.valueOf(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(result.errors()).isEqualTo("error: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()
                    + ": address already in use");
            assertThat(result.err()).doesNotContain("\tat ");
        }
        assertThat(home.resolve("logs/enrichment_report.json")).doesNotExist();
    }

    @Test
    void metricsServedForTheRunAndLingering() {
        CliRun.Result result = cli.run("enrich", "--regions", "JP", "--prometheus-port", "0", "--linger", "0.05");

        assertThat(result.exitCode()).as(result.err()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
        assertThat(log()).contains("Serving Prometheus metrics on http://127.0.0.1:")
                .contains("Stopped serving Prometheus metrics");
    }

    @Test
    void progressBarsOnlyWhenAskedOrOnATerminal() {
        CliRun.Result quiet = cli.run("enrich", "--regions", "JP", "--dry-run");
        CliRun.Result bars = cli.run("enrich", "--regions", "JP", "--dry-run", "--progress-bar");

        assertThat(quiet.out()).doesNotContain("%");
        assertThat(bars.out()).contains("JP 100%");
    }

    @Test
    void verboseRunLogsDebugToTheFileAndNoSecret() {
        CliRun.Result result = cli.run("enrich", "--regions", "US", "--tickers", "AAPL,MSFT", "--verbose");

        String log = log();
        assertThat(log).contains("DEBUG").contains("Yahoo Finance session open with User-Agent 1 of 2");
        for (String secret : new String[]{YahooStub.CRUMB, "AQABBtestcookie"}) {
            assertThat(log).doesNotContain(secret);
            assertThat(result.err()).doesNotContain(secret);
        }
    }

    @Test
    void metricsEndpointIsStartedAndStoppedFromTheShell() {
        CliRun.Result session = cli.interactive("""
                metrics status
                metrics start --port 0
                metrics status
                metrics stop
                metrics stop
                quit
                """);

        assertThat(session.out()).contains("metrics endpoint not running")
                .containsPattern("serving metrics on http://127\\.0\\.0\\.1:\\d+/metrics")
                .contains("metrics endpoint stopped").contains("metrics endpoint was not running");
    }
}
