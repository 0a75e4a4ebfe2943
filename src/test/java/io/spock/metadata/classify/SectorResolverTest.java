package io.spock.metadata.classify;

import io.spock.metadata.app.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SectorResolverTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final SectorResolver RESOLVER = new SectorResolver(GICS,
            YahooSectorMapping.load(Path.of("config", "yahoo_sector_to_gics.json"), GICS));

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "45|45",
            "정보기술|45",
            "정보 기술|45",
            "IT|45",
            "Technology|45",
            "Information Technology|45",
            "consumer cyclical|25",
            "Consumer Cyclical|25",
            "경기소비재|25",
            "Consumer Defensive|30",
            "Basic Materials|15",
            "Financial Services|40",
            "Healthcare|35",
            "HEALTH  CARE|35",
            "헬스케어|35",
            "리츠(부동산)|60",
            "Communication Services|50",
    })
    void acceptsGicsCodesNamesAliasesAndYahooSectorNames(String input, String code) {
        assertThat(RESOLVER.resolve(input).code()).isEqualTo(code);
    }

    @Test
    void unknownSectorThrowsAUsageErrorListingTheClosestNames() {
        UsageException e = catchThrowableOfType(UsageException.class, () -> RESOLVER.resolve("Tech stuff"));
        assertThat(e).isNotNull();
        List<String> closest = GICS.closestSectorNames("Tech stuff", 3);
        assertThat(e.getMessage()).startsWith("unknown sector 'Tech stuff'; closest: ")
                .endsWith(String.join(", ", closest))
                .doesNotContain("\n");
    }

    @Test
    void typoSuggestsTheIntendedSectorFirst() {
        UsageException e = catchThrowableOfType(UsageException.class, () -> RESOLVER.resolve("Helth Care"));
        assertThat(e.getMessage()).contains("closest: Health Care");
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "99", "Crypto", "Consumer", "Tech"})
    void blankOrUnknownInputIsAUsageError(String input) {
        UsageException e = catchThrowableOfType(UsageException.class, () -> RESOLVER.resolve(input));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("unknown sector").contains("closest: ");
    }

    @Test
    void choicesAreEveryCodeEnglishAndKoreanName() {
        List<String> choices = RESOLVER.choices();
        assertThat(choices).hasSize(33).doesNotHaveDuplicates()
                .contains("45", "Information Technology", "정보기술", "60", "Real Estate", "부동산");
    }

    @Test
    void everyChoiceResolvesToItsSector() {
        assertThat(RESOLVER.choices()).allSatisfy(choice -> assertThat(RESOLVER.resolve(choice)).isNotNull());
        assertThat(GICS.sectors()).allSatisfy(sector -> {
            assertThat(RESOLVER.resolve(sector.code())).isEqualTo(sector);
            assertThat(RESOLVER.resolve(sector.nameEn())).isEqualTo(sector);
            assertThat(RESOLVER.resolve(sector.nameKo())).isEqualTo(sector);
        });
    }
}
