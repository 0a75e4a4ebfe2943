package io.spock.metadata.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped {@code config/kis_sector_to_gics_mapping.json} and code normalisation. */
class KisSectorMappingTest {

    private static final Path REAL_FILE = Path.of("config", "kis_sector_to_gics_mapping.json");
    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final KisSectorMapping KIS = KisSectorMapping.load(REAL_FILE, GICS);

    @Test
    void realFileCoversExactlyTheFortyOneKisCodes() {
        assertThat(KIS.codes()).hasSize(41)
                .contains("120", "140", "280", "290", "330", "740", "820")
                .doesNotContain(KisSectorMapping.UNCLASSIFIED)
                .allSatisfy(code -> assertThat(code).matches("\\d{3}"));
    }

    /** Levels from the measured share right per code (issue "Classification sources as a chain"). */
    @ParameterizedTest(name = "KIS {0} -> GICS {1} {2}")
    @CsvSource({
            "010, 10, MEDIUM",
            "110, 15, MEDIUM", "120, 15, LOW", "130, 15, MEDIUM", "140, 15, MEDIUM",
            "210, 20, MEDIUM", "220, 20, MEDIUM", "230, 20, MEDIUM", "240, 20, LOW", "250, 20, LOW",
            "260, 20, LOW", "270, 20, HIGH", "280, 20, HIGH", "290, 20, HIGH",
            "310, 25, MEDIUM", "320, 25, MEDIUM", "330, 25, MEDIUM", "340, 25, LOW", "350, 25, MEDIUM",
            "360, 25, MEDIUM",
            "370, 50, LOW",
            "380, 25, LOW",
            "410, 30, HIGH", "420, 30, LOW", "430, 30, LOW",
            "510, 35, MEDIUM", "520, 35, HIGH", "530, 35, MEDIUM",
            "610, 40, HIGH", "620, 40, HIGH",
            "630, 60, MEDIUM",
            "640, 40, MEDIUM",
            "710, 45, MEDIUM",
            "720, 45, LOW",
            "730, 45, LOW", "740, 45, LOW",
            "810, 50, HIGH", "820, 50, HIGH",
            "910, 55, HIGH", "920, 55, LOW", "930, 55, MEDIUM",
    })
    void realFileMapsEveryCodeToTheProposedSectorAndConfidence(String code, String sector, Confidence confidence) {
        KisSectorMatch match = KIS.lookup(code).orElseThrow();
        assertThat(match.code()).isEqualTo(code);
        assertThat(match.sector()).isEqualTo(GICS.sector(sector).orElseThrow());
        assertThat(match.confidence()).isEqualTo(confidence);
        assertThat(match.kisName()).isNotBlank();
    }

    @Test
    void theCodesRightLessThanEightyFivePercentOfTheTimeAreLowConfidence() {
        assertThat(KIS.codes()).filteredOn(code -> KIS.lookup(code).orElseThrow().confidence() == Confidence.LOW)
                .containsExactlyInAnyOrder("120", "240", "250", "260", "340", "370", "380", "420", "430", "720",
                        "730", "740", "920");
    }

    @Test
    void theCodesRightAtLeastNinetyFivePercentOfTheTimeAreHighConfidence() {
        assertThat(KIS.codes()).filteredOn(code -> KIS.lookup(code).orElseThrow().confidence() == Confidence.HIGH)
                .containsExactlyInAnyOrder("270", "280", "290", "410", "520", "610", "620", "810", "820", "910");
    }

    @Test
    void realEstateCodeIsMediumConfidenceRealEstate() {
        KisSectorMatch reits = KIS.lookup("630").orElseThrow();
        assertThat(reits.sector().nameEn()).isEqualTo("Real Estate");
        assertThat(reits.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(reits.kisName()).isEqualTo("REIT's 및 부동산관리개발");
    }

    @Test
    void commercialBanksAreHighConfidenceFinancials() {
        KisSectorMatch banks = KIS.lookup("610").orElseThrow();
        assertThat(banks.sector().code()).isEqualTo("40");
        assertThat(banks.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void lookupNormalisesTheCodeFirst() {
        assertThat(KIS.lookup("10")).map(m -> m.sector().nameEn()).contains("Energy");
        assertThat(KIS.lookup(" 010 ")).map(KisSectorMatch::code).contains("010");
        assertThat(KIS.lookup("0630")).map(KisSectorMatch::code).contains("630");
    }

    @ParameterizedTest(name = "lookup(\"{0}\") is empty")
    @NullAndEmptySource
    @ValueSource(strings = {"000", "0", "0000", "  ", "abc", "999", "011", "1000"})
    void lookupOfUnclassifiedOrUnknownCodesIsEmpty(String code) {
        assertThat(KIS.lookup(code)).isEmpty();
    }

    @ParameterizedTest(name = "normalise(\"{0}\") = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "' 10 '|010",
            "10|010",
            "010|010",
            "0010|010",
            "1|001",
            "630|630",
            "0630|630",
            "'\t720\t'|720",
            "0|000",
            "000|000",
            "0000|000",
            "''|000",
            "'   '|000",
            "NULL|000",
            "abc|000",
            "1a|000",
            "-10|000",
            "10.0|000",
            "12345|000",
    })
    void normaliseTrimsAndPadsToThreeDigitsAndTurnsTheRestIntoUnclassified(String raw, String expected) {
        assertThat(KisSectorMapping.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is unclassified")
    @NullAndEmptySource
    @ValueSource(strings = {"0", "000", "0000", " ", "abc"})
    void unclassifiedCodes(String raw) {
        assertThat(KisSectorMapping.isUnclassified(raw)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is classified")
    @ValueSource(strings = {"10", "010", "630", " 720 ", "999"})
    void classifiedCodes(String raw) {
        assertThat(KisSectorMapping.isUnclassified(raw)).isFalse();
    }

    @Test
    void codesCannotBeModifiedByCallers() {
        KisSectorMapping kis = KisSectorMapping.load(REAL_FILE, GICS);
        assertThatThrownBy(() -> kis.codes().remove("010")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(kis.lookup("010")).isPresent();
    }
}
