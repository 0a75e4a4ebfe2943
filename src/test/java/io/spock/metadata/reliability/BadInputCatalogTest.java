package io.spock.metadata.reliability;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.support.ProjectConfig;
import io.spock.metadata.support.CliRun;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input across every command: each case must give one error line, the documented exit status, no stack
 * trace, and leave the database exactly as it was (an empty list option records no empty run).
 */
class BadInputCatalogTest {

    @TempDir
    static Path home;
    static Path db;
    static Path brokenConfigHome;

    @BeforeAll
    static void createDatabase() throws IOException {
        db = home.resolve("catalog.db");
        cli(Path.of("").toAbsolutePath()).run("status");
        brokenConfigHome = home.resolve("broken");
        ProjectConfig.copyTo(brokenConfigHome);
        Files.writeString(brokenConfigHome.resolve("config/kis_sector_to_gics_mapping.json"), """
                {"codes": [
                  {"code": "010", "sector": "10", "confidence": "high"},
                  {"code": "630", "sector": "99", "confidence": "low"}
                ]}
                """);
        Files.writeString(home.resolve("bad-master.cod"), "US\tNAS\tshort line\n".repeat(10));
        Files.writeString(home.resolve("bad.csv"), "region,exchange,ticker\nUS,NAS\n");
        Files.writeString(home.resolve("existing.csv"), "keep me\n");
        Files.writeString(home.resolve("twice.csv"), "exchange,ticker,sector_code,sector_code\nNAS,AAPL,45,10\n");
        Files.write(home.resolve("latin1.csv"), "exchange,ticker,name_en\nNAS,CAFE,Caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(home.resolve("claimed.csv"), "exchange,ticker,yahoo_symbol\nNYS,BRKB,BRK-B\n");
    }

    /** Placeholders in the catalog stand for files made in {@link #createDatabase()}. */
    private static String[] resolve(String[] args) {
        return Arrays.stream(args).map(a -> switch (a) {
            case "{malformedMaster}" -> home.resolve("bad-master.cod").toString();
            case "{malformedCsv}" -> home.resolve("bad.csv").toString();
            case "{existingFile}" -> home.resolve("existing.csv").toString();
            case "{freshFile}" -> home.resolve("fresh.csv").toString();
            case "{directory}" -> home.toString();
            case "{columnTwiceCsv}" -> home.resolve("twice.csv").toString();
            case "{latin1Csv}" -> home.resolve("latin1.csv").toString();
            case "{claimedYahooSymbolCsv}" -> home.resolve("claimed.csv").toString();
            default -> a;
        }).toArray(String[]::new);
    }

    static CliRun cli(Path configHome) {
        return new CliRun(home)
                .property("spock.home", configHome.toString())
                .property("spock.db", db.toString())
                .property("spock.yahoo.url", "http://127.0.0.1:1")
                .property("spock.yahoo.cookie-url", "http://127.0.0.1:1/cookie");
    }

    static Stream<Arguments> catalog() {
        int usage = ExitCodes.USAGE;
        return Stream.of(
                bad(usage, "frobnicate"),
                bad(usage, "--frobnicate", "status"),
                bad(usage, "status", "--regions", "EU"),
                bad(usage, "status", "--regions", "US,,KR"),
                bad(usage, "status", "--regions", "'; DROP TABLE tickers; --"),
                bad(usage, "status", "--format", "xml"),
                bad(usage, "status", "--format", ""),
                bad(usage, "status", "--max-age-days", "-5"),
                bad(usage, "status", "--max-age-days", "thirty"),
                bad(usage, "status", "--max-age-days", "99999999999"),
                bad(usage, "status", "--colour"),
                bad(usage, "enrich", "--regions", "XX"),
                bad(usage, "enrich", "--tickers", "NOPE1"),
                bad(usage, "enrich", "--tickers", "AAPL;DELETE"),
                bad(usage, "enrich", "--tickers", ","),
                bad(usage, "enrich", "--max-age-days", "-1"),
                bad(usage, "enrich", "--force-refresh", "--incremental"),
                bad(usage, "enrich", "--format", "yaml"),
                bad(usage, "enrich", "--dry-run", "maybe"),
                bad(usage, "inspect-ticker"),
                bad(usage, "inspect-ticker", "AA PL"),
                bad(usage, "inspect-ticker", "ZZZZZZ"),
                bad(usage, "inspect-ticker", "' OR '1'='1"),
                bad(usage, "inspect-ticker", "AAPL", "--region", "JP"),
                bad(usage, "inspect-ticker", "AAPL", "--region", "MARS"),
                bad(usage, "inspect-ticker", "AAPL", "--format", "pdf"),
                bad(usage, "map-sector", "AAPL"),
                bad(usage, "map-sector", "AAPL", "Tech stuff"),
                bad(usage, "map-sector", "AAPL", "99"),
                bad(usage, "map-sector", "AAPL", "45", "--clear"),
                bad(usage, "map-sector", "NOPE1", "45"),
                bad(usage, "map-sector", "AAPL", "45", "--region", "VN"),
                bad(usage, "map-sector", "AAPL", "'); DROP TABLE tickers;--"),
                bad(usage, "map-sector", "--sector", "45"),
                bad(usage, "coverage-report", "--by", "colour"),
                bad(usage, "coverage-report", "--regions", "ALL,EU"),
                bad(usage, "coverage-report", "--format", "html"),
                bad(usage, "coverage-report", "--max-age-days", "-2"),
                bad(usage, "coverage-report", "--output", "/nonexistent-dir/x.csv"),
                bad(usage, "migrate-to"),
                bad(usage, "migrate-to", "--target", "jdbc:oracle:thin:@x"),
                bad(ExitCodes.ERROR, "migrate-to", "--target", "jdbc:postgresql://127.0.0.1:1/none"),
                bad(ExitCodes.ERROR, "migrate-to", "--target", "/nonexistent-dir/target.db"),
                bad(usage, "help", "no-such-command"),
                bad(usage, "import-master", "--markets", "lse"),
                bad(usage, "import-master", "--file", "/nonexistent-dir/nasmst.cod.zip"),
                bad(usage, "import-master", "--file", "{malformedMaster}"),
                bad(usage, "import-csv", "/nonexistent-dir/universe.csv"),
                bad(usage, "import-csv", "{malformedCsv}"),
                bad(usage, "import-csv", "{malformedCsv}", "--region", "XX"),
                bad(usage, "import-csv", "{columnTwiceCsv}"),
                bad(usage, "import-csv", "{latin1Csv}"),
                bad(usage, "import-csv", "{claimedYahooSymbolCsv}"),
                bad(usage, "export-csv", "{existingFile}"),
                bad(usage, "export-csv", "/nonexistent-dir/out.csv"),
                bad(usage, "export-csv", "{freshFile}", "--regions", "MOON"),
                bad(usage, "tickers", "--sector", "Finanse"),
                bad(usage, "tickers", "--source", "'; DROP TABLE tickers; --"),
                bad(usage, "tickers", "--name", "x", "--status", "gone"),
                bad(usage, "tickers", "--delisted", "perhaps"),
                bad(usage, "tickers", "--max-age-days", "-1", "--stale"),
                bad(usage, "tickers", "--sort", "price"),
                bad(usage, "tickers", "--output", "/nonexistent-dir/t.csv"),
                bad(usage, "export-csv", "{freshFile}", "--sector", "99"),
                bad(usage, "coverage-report", "--confidence", "sure"),
                bad(usage, "changes", "--run", "0"),
                bad(usage, "changes", "--since", "30/11/2026"),
                bad(usage, "changes", "--source", "nobody"),
                bad(usage, "kis-codes", "--exchange", "NAS"),
                bad(usage, "kis-codes", "--exchange", "XYZ"),
                // issue 15: a list option that names nothing is bad input, never a run on nothing
                bad(usage, "enrich", "--regions", ","),
                bad(usage, "enrich", "--regions", " , "),
                bad(usage, "enrich", "--tickers", " ,, "),
                bad(usage, "status", "--regions", ","),
                bad(usage, "coverage-report", "--regions", ",,"),
                bad(usage, "export-csv", "{freshFile}", "--regions", ","),
                bad(usage, "import-master", "--markets", ","),
                // issue 15: a directory as the output is bad input (exit 2), not a write failure
                bad(usage, "export-csv", "{directory}", "--force"),
                bad(usage, "coverage-report", "--output", "{directory}", "--force"),
                bad(usage, "enrich", "--regions", "US", "--report", "{directory}"),
                // issue 19: --lang takes a language tag; a sector in any language is still checked
                bad(usage, "status", "--lang", "fr"),
                bad(usage, "review", "--lang", "zh"),
                bad(usage, "coverage-report", "--lang", ""),
                bad(usage, "inspect-ticker", "AAPL", "--lang", "jp"),
                bad(usage, "enrich", "--regions", "US", "--lang", "Vietnamese"),
                bad(usage, "map-sector", "AAPL", "信息技"),
                bad(usage, "tickers", "--sector", "情報"));
    }

    private static Arguments bad(int exitCode, String... args) {
        return Arguments.of(String.join(" ", args), exitCode, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void refusedWithOneLineAndTheDocumentedStatus(String line, int exitCode, String[] args) {
        String before = fingerprint();

        CliRun.Result result = cli(Path.of("").toAbsolutePath()).run(resolve(args));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.errors()).startsWith("error: ").doesNotContain("\n");
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @ParameterizedTest(name = "malformed mapping file: {0}")
    @MethodSource("needsTheMapping")
    void aBadMappingFileStopsTheCommandsThatNeedItNamingTheLine(String command) {
        String before = fingerprint();

        CliRun.Result result = cli(brokenConfigHome).run(command.split(" "));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).contains("kis_sector_to_gics_mapping.json line 3: unknown GICS sector '99'");
        assertThat(fingerprint()).isEqualTo(before);
    }

    static Stream<String> needsTheMapping() {
        return Stream.of("enrich --regions US", "inspect-ticker AAPL", "enrich --tickers AAPL --dry-run");
    }

    @ParameterizedTest(name = "unreadable database: {0}")
    @MethodSource("unreadableDatabases")
    void anUnreadableDatabaseIsOneLineExitOne(String name, String content) throws IOException {
        Path garbage = home.resolve(name);
        Files.writeString(garbage, content);

        CliRun.Result result = new CliRun(home).property("spock.db", garbage.toString()).run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).startsWith("error: cannot").doesNotContain("\n");
    }

    static Stream<Arguments> unreadableDatabases() {
        return Stream.of(Arguments.of("text.db", "not a database at all, just some text long enough for a header"),
                Arguments.of("html.db", "<html><body>404</body></html>".repeat(10)));
    }

    /** Every row that matters, so that any write shows. */
    private static String fingerprint() {
        try (Database database = Database.open(DatabaseLocation.parse(db.toString(), null), null, null)) {
            String tickers = database.dsl().selectFrom(TICKERS).orderBy(TICKERS.REGION, TICKERS.TICKER).fetch()
                    .stream().map(Record::toString).collect(Collectors.joining());
            return tickers.hashCode() + "/" + database.dsl().fetchCount(CLASSIFICATION_HISTORY) + "/"
                    + database.dsl().fetchCount(ENRICHMENT_RUNS);
        }
    }
}
