package io.spock.metadata.classify;

import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.kis.KisMasterRecord;
import io.spock.metadata.market.Region;
import io.spock.metadata.support.SharedReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.spock.metadata.classify.MappingFiles.assertFileError;
import static io.spock.metadata.classify.MappingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code config/known_classifications.csv}: the shipped seed, and every operator mistake on one line with its line. */
class KnownClassificationsTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final String HEADER = "region,ticker,gics_code,reason,source_reference";
    private static final Path SHIPPED = Path.of("config", KnownClassifications.FILE);

    @TempDir
    Path dir;

    private Path file(String... lines) {
        return write(dir, "known.csv", lines);
    }

    @Test
    void theShippedFileSeedsThePaymentProcessorsInFinancials() {
        KnownClassifications known = KnownClassifications.load(SHIPPED, GICS);

        assertThat(known.size()).isEqualTo(11);
        for (String ticker : List.of("V", "MA", "PYPL", "FIS", "FI", "GPN", "JKHY")) {
            KnownClassifications.Entry entry = known.find("US", ticker).orElseThrow();
            assertThat(entry.sector().code()).as(ticker).isEqualTo("40");
            assertThat(entry.code()).isEqualTo("402010");
            assertThat(entry.codeName()).isEqualTo("Financial Services");
            assertThat(entry.reference()).contains("GICS");
        }
        assertThat(known.find("US", "AAPL")).isEmpty();
        assertThat(known.find("HK", "V")).isEmpty();
    }

    @Test
    void everySeededTickerIsOneOfOurRealUsListings() throws IOException {
        Path masters = SharedReference.requireKisMasterDir();
        Set<String> listed = new HashSet<>();
        KisMasterReader reader = new KisMasterReader();
        for (String code : List.of("nys", "nas", "ams")) {
            reader.read(masters.resolve(code + "mst.cod.zip")).stocks().stream()
                    .map(KisMasterRecord::symbol).forEach(listed::add);
        }
        Files.readAllLines(Path.of("db", "demo_universe.csv"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("US,")).map(line -> line.split(",")[2]).forEach(listed::add);
        KnownClassifications known = KnownClassifications.load(SHIPPED, GICS);

        List<String> seeded = Files.readAllLines(SHIPPED).stream().filter(line -> line.startsWith("US,"))
                .map(line -> line.split(",")[1]).toList();

        assertThat(seeded).hasSize(known.size()).allSatisfy(ticker -> assertThat(listed).contains(ticker));
    }

    @Test
    void aMissingFileIsAnEmptyList() {
        assertThat(KnownClassifications.load(dir.resolve("absent.csv"), GICS).size()).isZero();
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndCodesOfEveryLevelAreRead() {
        Path csv = file("# known", HEADER, "", "US,BRK/B,40,\"reason, with a comma\",ref",
                "JP,7203,2510,group,ref", "VN,VNM,302020,industry,ref");

        KnownClassifications known = KnownClassifications.load(csv, GICS);

        assertThat(known.find("US", "BRK/B").orElseThrow().reason()).isEqualTo("reason, with a comma");
        assertThat(known.find("JP", "7203").orElseThrow().codeName()).isEqualTo("Automobiles & Components");
        assertThat(known.find("VN", "VNM").orElseThrow().sector().code()).isEqualTo("30");
        assertThat(known.find("VN", "VNM").orElseThrow().region()).isEqualTo(Region.VN);
    }

    @Test
    void aMissingColumnNamesTheHeader() {
        Path csv = file("region,ticker,gics_code", "US,V,40");

        assertThat(assertFileError(() -> KnownClassifications.load(csv, GICS), csv, 1))
                .contains("missing column reason, source_reference");
    }

    @Test
    void anUnknownRegionNamesItsLine() {
        Path csv = file("# comment", HEADER, "US,V,40,r,s", "EU,SAP,45,r,s");

        assertThat(assertFileError(() -> KnownClassifications.load(csv, GICS), csv, 4))
                .contains("unknown region 'EU'");
    }

    @Test
    void aCodeGics2023DoesNotHaveNamesItsLine() {
        Path csv = file(HEADER, "US,V,402020,r,s", "US,MA,4520999,r,s");

        assertThat(assertFileError(() -> KnownClassifications.load(csv, GICS), csv, 3))
                .contains("'4520999' is not a GICS 2023 sector, industry group or industry code");
    }

    @Test
    void aListingGivenTwiceNamesTheSecondLine() {
        Path twice = write(dir, "twice.csv", HEADER, "US,V,40,r,s", "US,v,40,r,s");

        assertThat(assertFileError(() -> KnownClassifications.load(twice, GICS), twice, 3)).contains("US V is listed twice");
    }

    @Test
    void anEmptyReasonAndABadTickerNameTheirLine() {
        Path noReason = write(dir, "no-reason.csv", HEADER, "US,V,40,,s");
        Path badTicker = write(dir, "bad-ticker.csv", HEADER, "US,V V,40,r,s");

        assertThat(assertFileError(() -> KnownClassifications.load(noReason, GICS), noReason, 2))
                .contains("empty reason");
        assertThat(assertFileError(() -> KnownClassifications.load(badTicker, GICS), badTicker, 2))
                .contains("'V V' is not a ticker");
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path csv = dir.resolve("latin.csv");
        Files.write(csv, (HEADER + "\nUS,V,40,caf\u00e9,s\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(assertFileError(() -> KnownClassifications.load(csv, GICS), csv)).contains("not UTF-8");
    }
}
