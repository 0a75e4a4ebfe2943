package io.spock.metadata.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped crosswalks on a labelled sample (well-known companies whose GICS sector is public,
 * {@code src/test/resources/bulk/crosswalk-labelled.csv}): no answer above low confidence is wrong, and at least
 * 80 % are right. The files' own figures (measured on KIS's real master files) are in their headers.
 */
class CrosswalkTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final Map<String, Crosswalk> SHIPPED = Map.of(
            "tse33", Crosswalk.load(Path.of("config/crosswalk_tse33.csv"), GICS, Crosswalk.Matching.EXACT),
            "nasdaq", Crosswalk.load(Path.of("config/crosswalk_nasdaq_industry.csv"), GICS, Crosswalk.Matching.EXACT),
            "sic", Crosswalk.load(Path.of("config/crosswalk_sic.csv"), GICS, Crosswalk.Matching.LONGEST_PREFIX));

    @ParameterizedTest
    @CsvSource({"tse33, 20", "nasdaq, 15", "sic, 15"})
    void onTheLabelledSampleOnlyLowConfidenceRowsAreWrong(String scheme, int sampleSize) throws IOException {
        List<String> wrongAboveLow = new ArrayList<>();
        int right = 0;
        int total = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/bulk/crosswalk-labelled.csv"))) {
            String[] f = line.split(",");
            if (!f[0].equals(scheme)) {
                continue;
            }
            total++;
            Crosswalk.Row row = SHIPPED.get(scheme).lookup(f[1]).orElseThrow(() -> new AssertionError("no row for "
                    + line));
            if (row.sector().code().equals(f[3])) {
                right++;
            } else if (row.confidence() != Confidence.LOW) {
                wrongAboveLow.add(line + " -> " + row);
            }
        }
        assertThat(total).isEqualTo(sampleSize);
        assertThat(wrongAboveLow).isEmpty();
        assertThat(right / (double) total).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void everyTse33CodeAndEveryNasdaqIndustryOfThePublicListsHasARow() {
        assertThat(SHIPPED.get("tse33").size()).isEqualTo(33);
        assertThat(SHIPPED.get("nasdaq").size()).isEqualTo(152);
    }

    @Test
    void aBankCodePinsTheGicsIndustryWithHighConfidence() {
        Crosswalk.Row banks = SHIPPED.get("tse33").lookup("7050").orElseThrow();

        assertThat(banks.name()).isEqualTo("銀行業");
        assertThat(banks.industryCode()).isEqualTo("401010");
        assertThat(banks.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void sicAnswersFromItsLongestListedPrefix() {
        Crosswalk sic = SHIPPED.get("sic");

        assertThat(sic.lookup("2834").orElseThrow().industryCode()).isEqualTo("352020");
        assertThat(sic.lookup("2833").orElseThrow().code()).isEqualTo("283");
        assertThat(sic.lookup("2810").orElseThrow().code()).isEqualTo("28");
        assertThat(sic.lookup("9995")).isEmpty();
    }

    @Test
    void nasdaqIndustriesAreComparedIgnoringCaseAndRepeatedSpaces() {
        assertThat(SHIPPED.get("nasdaq").lookup("major  BANKS")).isPresent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "code,name,sector,industry,confidence                 | line 2: expected the header",
            "7050,銀行業,99,,high,x                                  | line 3: unknown GICS sector '99' for code 7050",
            "7050,銀行業,40,451020,high,x                            | line 3: '451020' is not a GICS industry group or industry of sector 40 (code 7050)",
            "7050,銀行業,40,,certain,x                                | line 3: confidence 'certain' must be high, medium or low",
            "7050,銀行業,40,high                                      | line 3: expected 6 columns, found 4",
            "7050,銀行業,40,,high,x\\n7050,銀行業,40,,high,y          | line 4: duplicate code '7050'"})
    void aBadFileIsOneLineNamingTheFileAndLine(String body, String message, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("crosswalk_test.csv");
        String text = body.startsWith("code,") ? "# about\n" + body + "\n"
                : "# about\ncode,name,sector,industry,confidence,measured\n" + body.replace("\\n", "\n") + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Crosswalk.load(file, GICS, Crosswalk.Matching.EXACT))
                .isInstanceOf(MappingFileException.class)
                .hasMessage(file + " " + message + (message.endsWith("header") ? " " + String.join(",",
                        Crosswalk.HEADER) : ""));
    }
}
