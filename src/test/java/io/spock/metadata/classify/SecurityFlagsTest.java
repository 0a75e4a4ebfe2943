package io.spock.metadata.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityFlagsTest {

    @ParameterizedTest(name = "\"{0}\" is a SPAC")
    @ValueSource(strings = {
            "Foo Acquisition Corp",
            "BAR ACQUISITION CORPORATION",
            "Foo Acquisition Corp.",
            "Foo Acquisition Corp II",
            "Foo Acquisition Corp - Class A",
            "foo acquisition corporation",
            "Foo Acquisition  Corp",
            "Acquisition Corp",
            "Aerospace Acquisition Corp",
    })
    void acquisitionCorpInTheNameMarksASpac(String name) {
        assertThat(SecurityFlags.isSpac(name, null)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is no SPAC")
    @NullAndEmptySource
    @ValueSource(strings = {
            "Boeing Aerospace",
            "XYZ Acquisitions Holdings",
            "XYZ Acquisitions Corp",
            "Acquisition Corpus Fund",
            "Foo Acquisition Corporate Bond Fund",
            "Preacquisition Corp",
            "Foo Acquisition Holdings",
            "Corp Acquisition",
            "Apple Inc.",
    })
    void onlyTheWholeWordsAcquisitionCorpMarkASpac(String name) {
        assertThat(SecurityFlags.isSpac(name, null)).isFalse();
    }

    @ParameterizedTest(name = "industry \"{0}\" is a SPAC")
    @ValueSource(strings = {"Shell Companies", "shell companies", "SHELL COMPANIES", "  Shell Companies  "})
    void shellCompaniesIndustryMarksASpac(String industry) {
        assertThat(SecurityFlags.isSpac("Plain Name Inc", industry)).isTrue();
        assertThat(SecurityFlags.isSpac(null, industry)).isTrue();
    }

    @ParameterizedTest(name = "industry \"{0}\" is no SPAC")
    @NullAndEmptySource
    @ValueSource(strings = {"Oil & Gas Integrated", "Shell Company", "Shell Companies and Trusts", "Asset Management"})
    void otherIndustriesDoNotMarkASpac(String industry) {
        assertThat(SecurityFlags.isSpac("Shell plc", industry)).isFalse();
    }

    @ParameterizedTest(name = "Korean name \"{0}\" is preferred")
    @ValueSource(strings = {"뱅크오브아메리카 우선주 L", "우선주", "애그리컬처럴모기지우선주F"})
    void koreanNameWithPreferredShareWordIsPreferred(String koreanName) {
        assertThat(SecurityFlags.isPreferred(koreanName, null)).isTrue();
        assertThat(SecurityFlags.isPreferred(koreanName, "AAPL")).isTrue();
    }

    @ParameterizedTest(name = "symbol {0} is preferred")
    @ValueSource(strings = {"ABR-PD", "BAC-PL", "AGM-PF", "GS-PA", "PSA-PH", "XYZ-P"})
    void yahooPreferredSeriesSymbolIsPreferred(String symbol) {
        assertThat(SecurityFlags.isPreferred(null, symbol)).isTrue();
        assertThat(SecurityFlags.isPreferred("애플", symbol)).isTrue();
    }

    @ParameterizedTest(name = "symbol {0} is not preferred")
    @NullAndEmptySource
    @ValueSource(strings = {"BRK-B", "BF-B", "AAPL", "PBR-A", "HEI-A", "PG", "PLTR", "0700.HK", "7203.T", "ABR"})
    void shareClassesAndOrdinarySymbolsAreNotPreferred(String symbol) {
        assertThat(SecurityFlags.isPreferred("애플", symbol)).isFalse();
        assertThat(SecurityFlags.isPreferred(null, symbol)).isFalse();
    }

    @Test
    void nothingKnownIsNeitherSpacNorPreferred() {
        assertThat(SecurityFlags.isSpac(null, null)).isFalse();
        assertThat(SecurityFlags.isPreferred(null, null)).isFalse();
        assertThat(SecurityFlags.isPreferred("버크셔해서웨이 B", "BRK-B")).isFalse();
    }
}
