package io.spock.metadata.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.universe.MasterLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.universe.MasterLines.etf;
import static io.spock.metadata.universe.MasterLines.shortLine;
import static io.spock.metadata.universe.MasterLines.stock;
import static org.assertj.core.api.Assertions.assertThat;

/** import-master through the CLI: downloads served by WireMock, local files, failures that spare the other files. */
class ImportMasterCommandTest {

    @RegisterExtension
    static WireMockExtension kis = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home).property("spock.demo", "false")
                .property("spock.kis.master-url", kis.baseUrl() + "/common/master");
    }

    private static void serve(String code, byte[] zip) {
        kis.stubFor(get(urlEqualTo("/common/master/" + code + "mst.cod.zip")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/zip").withBody(zip)));
    }

    /** The stored row of a ticker, read straight from the run's database. */
    private TickersRecord stored(String ticker) {
        try (Database db = Database.open(DatabaseLocation.parse(home.resolve("test.db").toString(), null), null,
                null)) {
            return db.dsl().selectFrom(TICKERS).where(TICKERS.TICKER.eq(ticker)).fetchOne();
        }
    }

    private static JsonNode json(CliRun.Result result) throws Exception {
        return new ObjectMapper().readTree(result.out());
    }

    /**
     * Issue 16: import-master stored lower case, NUL bytes, SQL and formula text and 300-character symbols, whose
     * export could not be imported back. Now each such line is malformed, and the round trip holds.
     */
    @Test
    void hostileSymbolsAreMalformedLinesAndTheExportImportsBack() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add(stock("NAS", "T" + i, "회사" + i, "COMPANY " + i, "730"));
        }
        lines.add(stock("NAS", "lower", "소문자", "LOWER CASE INC", "730"));
        lines.add(stock("NAS", "NUL\0", "널", "NUL INC", "730"));
        lines.add(stock("NAS", "'; drop table tickers;--", "주입", "INJECTION INC", "730"));
        lines.add(stock("NAS", "=HYPERLINK(", "수식", "FORMULA INC", "730"));
        lines.add(stock("NAS", "X".repeat(300), "긴 심볼", "LONG SYMBOL INC", "730"));
        Path file = Files.write(home.resolve("NASMST.COD"), MasterLines.cod(lines));
        Path exported = home.resolve("universe.csv");

        JsonNode imported = json(cli.run("import-master", "--file", file.toString(), "--format", "json")).get(0);
        cli.run("export-csv", exported.toString());
        CliRun.Result back = cli.run("import-csv", exported.toString(), "--format", "json");

        assertThat(imported.get("added").asInt()).isEqualTo(501);
        assertThat(imported.get("malformed").asInt()).isEqualTo(4);
        assertThat(stored("LOWER")).isNotNull();
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(json(back).get(0).get("unchanged").asInt()).isEqualTo(501);
    }

    @Test
    void downloadsTheNasdaqFileAndImportsItThenChangesNothingTheSecondTime() throws Exception {
        serve("nas", MasterLines.zip("NASMST.COD", List.of(stock("NAS", "AAPL", "애플", "APPLE INC", "730"),
                stock("NAS", "ABCD", "코드없음", "NO CODE INC", ""), etf("NAS", "QQQ", "인베스코 QQQ", "INVESCO QQQ"))));

        CliRun.Result first = cli.run("import-master", "--markets", "nas", "--format", "json");
        CliRun.Result second = cli.run("import-master", "--markets", "NAS", "--format", "json");
        CliRun.Result table = cli.run("import-master", "--markets", "nas");

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode nas = json(first).get(0);
        assertThat(nas.get("market").asText()).isEqualTo("NAS");
        assertThat(nas.get("stocks").asInt()).isEqualTo(2);
        assertThat(nas.get("products").asInt()).isEqualTo(1);
        assertThat(nas.get("added").asInt()).isEqualTo(3);
        assertThat(nas.get("source").asText()).endsWith("/common/master/nasmst.cod.zip");
        JsonNode again = json(second).get(0);
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(table.out()).contains("1 of 1 files imported");
        assertThat(stored("ABCD").getKisCode()).isEqualTo("000");
    }

    @Test
    void aFailedDownloadIsReportedAndTheOtherMarketsStillImport() throws Exception {
        serve("nas", MasterLines.zip("NASMST.COD", List.of(stock("NAS", "AAPL", "애플", "APPLE INC", "730"))));
        kis.stubFor(get(urlEqualTo("/common/master/nysmst.cod.zip")).willReturn(aResponse().withStatus(404)));

        CliRun.Result result = cli.run("import-master", "--markets", "nys,nas", "--format", "json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).startsWith("error: KIS master download failed: GET ")
                .contains("nysmst.cod.zip: HTTP 404").doesNotContain("\n");
        JsonNode rows = json(result);
        assertThat(rows.get(0).get("result").asText()).isEqualTo("imported");
        assertThat(rows.get(0).get("market").asText()).isEqualTo("NAS");
        assertThat(rows.get(1).get("result").asText()).isEqualTo("failed");
    }

    @Test
    void localFilesImportAndABadOneIsRefusedWithNothingWritten() throws Exception {
        Path good = home.resolve("hksmst.cod.zip");
        Files.write(good, MasterLines.zip("HKSMST.COD", List.of(stock("HKS", "00700", "텐센트", "TENCENT", "720"))));
        Path bad = home.resolve("NYSMST.COD");
        Files.write(bad, MasterLines.cod(List.of(stock("NYS", "IBM", "IBM", "INTL BUSINESS MACHINES", "720"),
                shortLine("NYS", "XX"))));

        CliRun.Result result = cli.run("import-master", "--file", bad.toString(), good.toString(), "--format", "json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).isEqualTo("error: " + bad + ": 1 of 2 lines malformed (more than 1 %), nothing "
                + "read; first: line 2: expected 24 TAB-separated fields, found 5");
        assertThat(json(result).get(1).get("market").asText()).isEqualTo("HKS");
        assertThat(stored("00700")).isNotNull();
        assertThat(stored("IBM")).isNull();
    }

    @Test
    void malformedLinesBelowOnePercentAreSkippedAndCounted() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            lines.add(stock("NAS", "T" + i, "회사", "COMPANY " + i, "730"));
        }
        lines.add(shortLine("NAS", "BAD"));
        Path file = home.resolve("nasmst.cod.zip");
        Files.write(file, MasterLines.zip("NASMST.COD", lines));

        CliRun.Result result = cli.run("import-master", "--file", file.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(json(result).get(0).get("malformed").asInt()).isEqualTo(1);
        assertThat(json(result).get(0).get("added").asInt()).isEqualTo(150);
    }

    @Test
    void aDryRunWritesNothing() {
        serve("nas", MasterLines.zip("NASMST.COD", List.of(stock("NAS", "AAPL", "애플", "APPLE INC", "730"))));

        CliRun.Result dry = cli.run("import-master", "--markets", "nas", "--dry-run");

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("dry run, nothing written");
        assertThat(stored("AAPL")).isNull();
    }

    @Test
    void anUnknownMarketIsAUsageError() {
        CliRun.Result result = cli.run("import-master", "--markets", "nas,xyz");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).isEqualTo("error: unknown market 'xyz': choose from nas, nys, ams, shs, szs, hks, "
                + "tse, hsx, hnx or ALL");
    }
}
