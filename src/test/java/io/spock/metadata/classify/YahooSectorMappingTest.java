package io.spock.metadata.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped {@code config/yahoo_sector_to_gics.json} and industry-name normalisation. */
class YahooSectorMappingTest {

    private static final Path REAL_FILE = Path.of("config", "yahoo_sector_to_gics.json");
    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final YahooSectorMapping YAHOO = YahooSectorMapping.load(REAL_FILE, GICS);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Energy, 10",
            "Basic Materials, 15",
            "Industrials, 20",
            "Consumer Cyclical, 25",
            "Consumer Defensive, 30",
            "Healthcare, 35",
            "Financial Services, 40",
            "Technology, 45",
            "Communication Services, 50",
            "Utilities, 55",
            "Real Estate, 60",
    })
    void allElevenYahooSectorsMapOneToOne(String yahooSector, String gicsCode) {
        YahooMatch match = YAHOO.map(yahooSector, null).orElseThrow();
        assertThat(match.sector().code()).isEqualTo(gicsCode);
        assertThat(match.industry()).isNull();
        assertThat(match.spacIndustry()).isFalse();
        assertThat(YAHOO.resolveYahooSectorName(yahooSector)).map(GicsSector::code).contains(gicsCode);
    }

    @Test
    void realFileHasExactlyElevenYahooSectorsCoveringEveryGicsSector() {
        assertThat(YAHOO.yahooSectorNames()).hasSize(11);
        assertThat(YAHOO.yahooSectorNames()).map(name -> YAHOO.resolveYahooSectorName(name).orElseThrow().code())
                .containsExactlyInAnyOrderElementsOf(GICS.sectors().stream().map(GicsSector::code).toList());
    }

    @ParameterizedTest(name = "Real Estate / \"{0}\" -> Financials")
    @ValueSource(strings = {"REIT - Mortgage", "REIT—Mortgage", "REIT — Mortgage", "REIT–Mortgage",
            "reit - mortgage", "  REIT  -  Mortgage  "})
    void mortgageReitsAreFinancialsWhateverTheDash(String industry) {
        YahooMatch match = YAHOO.map("Real Estate", industry).orElseThrow();
        assertThat(match.sector().code()).isEqualTo("40");
        assertThat(match.industry()).isEqualToIgnoringCase("REIT - Mortgage");
        assertThat(match.spacIndustry()).isFalse();
    }

    @Test
    void otherReitsStayInRealEstateWithTheirIndustryNormalised() {
        YahooMatch match = YAHOO.map("Real Estate", "REIT—Residential").orElseThrow();
        assertThat(match.sector().code()).isEqualTo("60");
        assertThat(match.industry()).isEqualTo("REIT - Residential");
        assertThat(match.spacIndustry()).isFalse();
    }

    @Test
    void shellCompaniesAreFlaggedAsSpacsAndStayFinancials() {
        YahooMatch match = YAHOO.map("Financial Services", "Shell Companies").orElseThrow();
        assertThat(match.sector().code()).isEqualTo("40");
        assertThat(match.industry()).isEqualTo("Shell Companies");
        assertThat(match.spacIndustry()).isTrue();
        assertThat(YAHOO.map("Financial Services", "shell companies").orElseThrow().spacIndustry()).isTrue();
    }

    @Test
    void ordinaryIndustryKeepsTheSectorsMapping() {
        YahooMatch match = YAHOO.map("Healthcare", "Drug Manufacturers—General").orElseThrow();
        assertThat(match.sector().code()).isEqualTo("35");
        assertThat(match.industry()).isEqualTo("Drug Manufacturers - General");
        assertThat(match.spacIndustry()).isFalse();
    }

    @Test
    void sectorNamesAreMatchedIgnoringCaseAndExtraSpaces() {
        assertThat(YAHOO.map("consumer cyclical", null)).map(m -> m.sector().code()).contains("25");
        assertThat(YAHOO.map(" CONSUMER  CYCLICAL ", "Auto Manufacturers")).map(m -> m.sector().code()).contains("25");
        assertThat(YAHOO.resolveYahooSectorName("consumer cyclical")).map(GicsSector::code).contains("25");
        assertThat(YAHOO.resolveYahooSectorName("Basic Materials")).map(GicsSector::nameEn).contains("Materials");
    }

    @ParameterizedTest(name = "sector \"{0}\" maps to nothing")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Crypto", "Consumer", "Financials", "Information Technology", "45"})
    void unknownOrMissingSectorMapsToNothing(String sector) {
        assertThat(YAHOO.map(sector, "Software - Application")).isEmpty();
        assertThat(YAHOO.map(sector, null)).isEmpty();
        assertThat(YAHOO.resolveYahooSectorName(sector)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Drug Manufacturers—General|Drug Manufacturers - General",
            "Drug Manufacturers - General|Drug Manufacturers - General",
            "Drug Manufacturers – General|Drug Manufacturers - General",
            "Drug Manufacturers — General|Drug Manufacturers - General",
            "'Drug Manufacturers  -   General'|Drug Manufacturers - General",
            "REIT—Mortgage|REIT - Mortgage",
            "'  Shell Companies  '|Shell Companies",
            "Oil & Gas E&P|Oil & Gas E&P",
            "'Semiconductor  Equipment & Materials'|Semiconductor Equipment & Materials",
    })
    void normaliseIndustryUsesOneDashForm(String raw, String expected) {
        assertThat(YahooSectorMapping.normaliseIndustry(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> null")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void normaliseIndustryOfNothingIsNull(String raw) {
        assertThat(YahooSectorMapping.normaliseIndustry(raw)).isNull();
    }

    @Test
    void sectorNamesCannotBeModifiedByCallers() {
        YahooSectorMapping yahoo = YahooSectorMapping.load(REAL_FILE, GICS);
        assertThatThrownBy(() -> yahoo.yahooSectorNames().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(yahoo.resolveYahooSectorName("Energy")).isPresent();
    }
}
