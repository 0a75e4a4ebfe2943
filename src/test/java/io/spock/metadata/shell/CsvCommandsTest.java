package io.spock.metadata.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** export-csv and import-csv on the demo universe, with Yahoo unreachable. */
class CsvCommandsTest {

    private static final String HEADER = "region,exchange,ticker,name_en,kis_code";

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home)
                .yahooUnreachable()
                .property("spock.yahoo.rate", "1000")
                .withProjectConfig()
                .property("spock.db", home.resolve("test.db").toString());
    }

    private JsonNode json(CliRun.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        return new ObjectMapper().readTree(result.out());
    }

    private JsonNode ticker(String ticker) throws Exception {
        return json(cli.run("inspect-ticker", ticker, "--format", "json"));
    }

    private Path csv(String name, String content) throws Exception {
        return Files.writeString(home.resolve(name), content);
    }

    @Test
    void exportThenImportChangesNothing() throws Exception {
        cli.run("enrich", "--regions", "VN");
        cli.run("map-sector", "AAPL", "40", "--industry", "Hardware, \"devices\"", "--reason", "test");
        Path first = home.resolve("universe.csv");
        Path second = home.resolve("again.csv");

        CliRun.Result export = cli.run("export-csv", first.toString());
        JsonNode imported = json(cli.run("import-csv", first.toString(), "--format", "json")).get(0);
        cli.run("export-csv", second.toString());

        assertThat(export.out()).contains("wrote " + first);
        assertThat(Files.readString(first)).startsWith("region,exchange,ticker,name_en,name_ko,security_type,kis_code,"
                + "yahoo_symbol,sector_code,sector_en,sector_ko,industry,is_spac,is_preferred,source,confidence,status,"
                + "last_enriched,delisted\n");
        assertThat(imported.get("added").asInt()).isZero();
        assertThat(imported.get("updated").asInt()).isZero();
        assertThat(imported.get("unchanged").asInt()).isEqualTo(imported.get("rows").asInt()).isGreaterThan(300);
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        assertThat(ticker("AAPL").get("history")).hasSize(1);
    }

    @Test
    void anExportIntoAnEmptyDatabaseRecreatesTheSameUniverse() throws Exception {
        cli.run("enrich", "--regions", "VN");
        Path exported = home.resolve("universe.csv");
        cli.run("export-csv", exported.toString(), "--regions", "VN");
        CliRun empty = new CliRun(Files.createDirectories(home.resolve("empty"))).property("spock.demo", "false");

        JsonNode imported = json(empty.run("import-csv", exported.toString(), "--format", "json")).get(0);
        Path copy = home.resolve("copy.csv");
        empty.run("export-csv", copy.toString());

        assertThat(imported.get("added").asInt()).isEqualTo(imported.get("rows").asInt());
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(exported));
    }

    /** Issue 16: Excel drops the zeros of SZS 000858 and HKS 00001; other tools write KIS's BRK/B as BRK.B. */
    @Test
    void anExportResavedByExcelNamesTheSameListingsAndAddsNone() throws Exception {
        Path exported = home.resolve("universe.csv");
        cli.run("export-csv", exported.toString());
        Path resaved = csv("resaved.csv", Files.readString(exported).replace("CN,SZS,000858,", "CN,SZS,858,")
                .replace("HK,HKS,00001,", "HK,HKS,1,").replace("US,NYS,BRK/B,", "US,NYS,BRK.B,"));
        JsonNode before = json(cli.run("status", "--format", "json"));

        CliRun.Result imported = cli.run("import-csv", resaved.toString(), "--format", "json");
        JsonNode after = json(cli.run("status", "--format", "json"));

        assertThat(json(imported).get(0).get("added").asInt()).isZero();
        assertThat(after).isEqualTo(before);
        assertThat(after.findValues("total")).extracting(JsonNode::asInt).contains(106, 109);
    }

    @Test
    void anExportForExcelNeutralisesFormulasAndImportsBackToTheSameUniverse() throws Exception {
        csv("formula.csv", "exchange,ticker,name_en\nNAS,EVIL,\"=HYPERLINK(\"\"http://x\"\")\"\n");
        cli.run("import-csv", home.resolve("formula.csv").toString());
        Path plain = home.resolve("plain.csv");
        Path excel = home.resolve("excel.csv");
        cli.run("export-csv", plain.toString());

        CliRun.Result written = cli.run("export-csv", excel.toString(), "--for-excel");
        JsonNode reimported = json(cli.run("import-csv", excel.toString(), "--format", "json")).get(0);
        Path again = home.resolve("again.csv");
        cli.run("export-csv", again.toString());

        assertThat(written.exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(excel);
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        assertThat(Files.readString(excel)).contains("NAS,EVIL,\"'=HYPERLINK(").contains("US,NYS,BRK/B,")
                .contains("버크셔 해서웨이 B");
        assertThat(Files.readString(plain)).contains("NAS,EVIL,\"=HYPERLINK(");
        assertThat(reimported.get("updated").asInt()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(plain));
    }

    @Test
    void exportRefusesToOverwriteWithoutForce() throws Exception {
        Path file = csv("existing.csv", "keep me\n");

        CliRun.Result refused = cli.run("export-csv", file.toString());
        CliRun.Result forced = cli.run("export-csv", file.toString(), "--force", "--regions", "JP");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.errors()).isEqualTo("error: " + file + " already exists: add --force to overwrite it");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(file).lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("JP,"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "US,XXX,NEWER,Newer Inc,730 | unknown exchange 'XXX'",
            "XX,NAS,NEWER,Newer Inc,730 | unknown region 'XX'",
            "CN,NAS,NEWER,Newer Inc,730 | region CN does not match exchange NAS (US)",
            "US,NAS,new er,Newer Inc,730 | bad ticker 'new er' for NAS: letters and digits, with one share class or series after '/', '.' or '-' (BRK/B)",
            "US,NAS,NEWER,Newer Inc,73X | bad KIS code '73X': up to three digits, or blank for none",
            "US,NAS,NEWER,Newer Inc | expected 5 columns, found 4"})
    void aBadLineIsNamedWithItsNumberAndNothingIsWritten(String badLine, String message) throws Exception {
        Path file = csv("bad.csv", HEADER + "\nUS,NAS,NEWCO,\"New\nCo\",730\n" + badLine + "\n");

        CliRun.Result result = cli.run("import-csv", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).isEqualTo("error: " + file + " line 4: " + message);
        assertThat(cli.run("inspect-ticker", "NEWCO").exitCode()).as("nothing written").isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badHeadersAndDuplicatesAreRefused() throws Exception {
        Path unknown = csv("unknown.csv", "exchange,ticker,colour\nNAS,NEWCO,red\n");
        Path missing = csv("missing.csv", "exchange,name_en\nNAS,New Co\n");
        Path twice = csv("twice.csv", "exchange,ticker\nNAS,NEWCO\nNYS,NEWCO\n");

        assertThat(cli.run("import-csv", unknown.toString()).errors())
                .startsWith("error: " + unknown + " line 1: unknown column 'colour'; columns are region,exchange,");
        assertThat(cli.run("import-csv", missing.toString()).errors())
                .isEqualTo("error: " + missing + " line 1: missing column 'ticker'");
        assertThat(cli.run("import-csv", twice.toString()).errors())
                .isEqualTo("error: " + twice + " line 3: ticker NEWCO of US appears twice");
        assertThat(cli.run("import-csv", home.resolve("nope.csv").toString()).errors())
                .isEqualTo("error: " + home.resolve("nope.csv") + ": no such file");
    }

    @Test
    void aCsvNeverOverwritesAManualFixUnlessTheRowSaysManual() throws Exception {
        cli.run("map-sector", "AAPL", "45");
        Path kis = csv("kis.csv", "exchange,ticker,sector_code,source\nNAS,AAPL,10,KIS\n");
        Path manual = csv("manual.csv", "exchange,ticker,sector_code,source\nNAS,AAPL,10,MANUAL\n");

        JsonNode kept = json(cli.run("import-csv", kis.toString(), "--format", "json")).get(0);
        String sectorAfterKis = ticker("AAPL").get("sector_code").asText();
        JsonNode applied = json(cli.run("import-csv", manual.toString(), "--format", "json")).get(0);
        JsonNode aapl = ticker("AAPL");

        assertThat(kept.get("kept_manual").asInt()).isEqualTo(1);
        assertThat(sectorAfterKis).isEqualTo("45");
        assertThat(applied.get("updated").asInt()).isEqualTo(1);
        assertThat(aapl.get("sector_code").asText()).isEqualTo("10");
        assertThat(aapl.get("source").asText()).isEqualTo("MANUAL");
        assertThat(aapl.get("history").get(0).get("reason").asText()).isEqualTo("import-csv manual.csv");
    }

    @Test
    void newListingsAreAddedAndAChangedCodeMakesATickerDue() throws Exception {
        cli.run("enrich", "--tickers", "XOM");
        Path file = csv("listings.csv", "exchange,ticker,name_en,kis_code\nNAS,NEWCO,New Co,730\nNYS,XOM,Exxon,020\n"
                + "HKS,00700,Tencent,720\n");

        JsonNode result = json(cli.run("import-csv", file.toString(), "--region", "US", "--format", "json")).get(0);
        JsonNode xom = ticker("XOM");

        assertThat(result.get("added").asInt()).isEqualTo(1);
        assertThat(result.get("updated").asInt()).isEqualTo(1);
        assertThat(result.get("skipped").asInt()).as("HK row, --region US").isEqualTo(1);
        assertThat(ticker("NEWCO").get("status").asText()).isEqualTo("PENDING");
        assertThat(xom.get("kis_code").asText()).isEqualTo("020");
        assertThat(xom.get("status").asText()).isEqualTo("PENDING");
        assertThat(xom.get("sector_code").asText()).as("kept until enrichment decides").isEqualTo("10");
    }
}
