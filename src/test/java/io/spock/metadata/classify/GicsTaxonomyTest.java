package io.spock.metadata.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GicsTaxonomyTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();

    @Test
    void gics2023HasElevenSectorsTwentyFiveGroupsAndSeventyFourIndustries() {
        assertThat(GICS.sectors()).hasSize(11);
        assertThat(GICS.industryGroups()).hasSize(25);
        assertThat(GICS.industries()).hasSize(74);
    }

    @Test
    void sectorCodesAreTheElevenTwoDigitCodesInOrder() {
        assertThat(GICS.sectors()).extracting(GicsSector::code)
                .containsExactly("10", "15", "20", "25", "30", "35", "40", "45", "50", "55", "60");
    }

    @Test
    void codesAreUniqueAtEveryLevel() {
        assertThat(GICS.sectors()).extracting(GicsSector::code).doesNotHaveDuplicates();
        assertThat(GICS.industryGroups()).extracting(GicsIndustryGroup::code).doesNotHaveDuplicates();
        assertThat(GICS.industries()).extracting(GicsIndustry::code).doesNotHaveDuplicates();
    }

    @Test
    void everySectorHasAnEnglishAndAKoreanName() {
        assertThat(GICS.sectors()).allSatisfy(sector -> {
            assertThat(sector.nameEn()).as("English name of %s", sector.code()).isNotBlank().matches("[A-Za-z ]+");
            assertThat(sector.nameKo()).as("Korean name of %s", sector.code()).isNotBlank()
                    .matches(".*\\p{IsHangul}.*");
        });
        assertThat(GICS.sectors()).extracting(GicsSector::nameEn).doesNotHaveDuplicates();
        assertThat(GICS.sectors()).extracting(GicsSector::nameKo).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} = {1} / {2}")
    @CsvSource({
            "10, Energy, 에너지",
            "15, Materials, 소재",
            "20, Industrials, 산업재",
            "25, Consumer Discretionary, 경기소비재",
            "30, Consumer Staples, 필수소비재",
            "35, Health Care, 헬스케어",
            "40, Financials, 금융",
            "45, Information Technology, 정보기술",
            "50, Communication Services, 커뮤니케이션서비스",
            "55, Utilities, 유틸리티",
            "60, Real Estate, 부동산",
    })
    void sectorNamesFollowTheReference(String code, String nameEn, String nameKo) {
        assertThat(GICS.sector(code)).contains(new GicsSector(code, nameEn, nameKo));
    }

    @Test
    void groupsAndIndustriesNestUnderTheirParentsCodes() {
        List<String> sectorCodes = GICS.sectors().stream().map(GicsSector::code).toList();
        List<String> groupCodes = GICS.industryGroups().stream().map(GicsIndustryGroup::code).toList();
        assertThat(groupCodes).allSatisfy(code -> {
            assertThat(code).matches("\\d{4}");
            assertThat(sectorCodes).contains(code.substring(0, 2));
        });
        assertThat(GICS.industries()).allSatisfy(industry -> {
            assertThat(industry.code()).matches("\\d{6}");
            assertThat(groupCodes).contains(industry.code().substring(0, 4));
            assertThat(industry.name()).isNotBlank();
        });
        assertThat(GICS.industryGroups()).extracting(GicsIndustryGroup::name).allSatisfy(n -> assertThat(n).isNotBlank());
    }

    @Test
    void groupsAndIndustriesPerSectorMatchThe2023Revision() {
        Map<String, Long> groups = GICS.industryGroups().stream()
                .collect(Collectors.groupingBy(g -> g.code().substring(0, 2), Collectors.counting()));
        Map<String, Long> industries = GICS.industries().stream()
                .collect(Collectors.groupingBy(i -> i.code().substring(0, 2), Collectors.counting()));
        assertThat(groups).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("10", 1L), Map.entry("15", 1L), Map.entry("20", 3L), Map.entry("25", 4L),
                Map.entry("30", 3L), Map.entry("35", 2L), Map.entry("40", 3L), Map.entry("45", 3L),
                Map.entry("50", 2L), Map.entry("55", 1L), Map.entry("60", 2L)));
        assertThat(industries).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("10", 2L), Map.entry("15", 5L), Map.entry("20", 14L), Map.entry("25", 10L),
                Map.entry("30", 6L), Map.entry("35", 6L), Map.entry("40", 6L), Map.entry("45", 6L),
                Map.entry("50", 5L), Map.entry("55", 5L), Map.entry("60", 9L)));
    }

    @Test
    void carriesThe2023ChangesAndNotRetiredCodes() {
        Map<String, String> industries = GICS.industries().stream()
                .collect(Collectors.toMap(GicsIndustry::code, GicsIndustry::name));
        Map<String, String> groups = GICS.industryGroups().stream()
                .collect(Collectors.toMap(GicsIndustryGroup::code, GicsIndustryGroup::name));
        assertThat(industries).containsEntry("402040", "Mortgage Real Estate Investment Trusts (REITs)")
                .containsEntry("203040", "Ground Transportation")
                .containsEntry("255030", "Broadline Retail")
                .containsEntry("601025", "Industrial REITs")
                .doesNotContainKeys("255020", "451010", "601020");
        assertThat(groups).containsEntry("3010", "Consumer Staples Distribution & Retail")
                .containsEntry("2550", "Consumer Discretionary Distribution & Retail")
                .containsEntry("6010", "Equity Real Estate Investment Trusts (REITs)")
                .doesNotContainKey("2540");
    }

    @Test
    void listsCannotBeModifiedByCallers() {
        assertThatThrownBy(() -> GICS.sectors().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> GICS.industryGroups().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> GICS.industries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "45|45",
            "' 45 '|45",
            "10|10",
            "60|60",
            "Information Technology|45",
            "health care|35",
            "'HEALTH  CARE'|35",
            "Health Care|35",
            "HealthCare|35",
            "Healthcare|35",
            "health-care|35",
            "Consumer Discretionary|25",
            "consumer discretionary|25",
            "CONSUMERDISCRETIONARY|25",
            "Consumer Staples|30",
            "Communication Services|50",
            "Real Estate|60",
            "Financials|40",
            "Financial|40",
            "Technology|45",
            "Materials|15",
            "Industrials|20",
            "Utilities|55",
            "Energy|10",
    })
    void resolvesCodesAndEnglishNamesInAnyCaseOrSpacing(String input, String code) {
        assertThat(GICS.resolveSector(input)).map(GicsSector::code).contains(code);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "에너지|10",
            "소재|15",
            "원자재|15",
            "산업재|20",
            "산업|20",
            "경기소비재|25",
            "경기 소비재|25",
            "임의소비재|25",
            "자유소비재|25",
            "필수소비재|30",
            "필수 소비재|30",
            "헬스케어|35",
            "건강관리|35",
            "금융|40",
            "정보기술|45",
            "정보 기술|45",
            "IT|45",
            "it|45",
            "커뮤니케이션서비스|50",
            "커뮤니케이션 서비스|50",
            "통신 서비스|50",
            "통신서비스|50",
            "유틸리티|55",
            "부동산|60",
            "리츠(부동산)|60",
            "리츠 (부동산)|60",
            "리츠|60",
    })
    void resolvesKoreanNamesAndEveryAlias(String input, String code) {
        assertThat(GICS.resolveSector(input)).map(GicsSector::code).contains(code);
    }

    @ParameterizedTest(name = "pasted \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Health\u00A0Care|35",
            "\u00A0Real Estate\u00A0|60",
            "정보\u3000기술|45",
            "\u3000경기 소비재\u3000|25",
    })
    void resolvesNamesWithNonBreakingOrFullWidthSpaces(String input, String code) {
        assertThat(GICS.resolveSector(input)).map(GicsSector::code).contains(code);
    }

    @Test
    void everyNameAndAliasInTheDataFileResolvesToItsOwnSector() throws Exception {
        int checked = 0;
        for (JsonNode sector : dataFile().path("sectors")) {
            String code = sector.path("code").asText();
            List<String> names = new ArrayList<>(List.of(code));
            sector.path("names").forEach(name -> names.add(name.asText()));
            sector.path("aliases").forEach(list -> list.forEach(alias -> names.add(alias.asText())));
            for (String name : names) {
                assertThat(GICS.resolveSector(name)).as("'%s' of sector %s", name, code)
                        .map(GicsSector::code).contains(code);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(11 * 7 + 30);
    }

    @Test
    void everySectorResolvesFromItsOwnCodeAndNames() {
        assertThat(GICS.sectors()).allSatisfy(sector -> {
            for (String input : List.of(sector.code(), sector.nameEn(), sector.nameKo(),
                    sector.nameEn().toUpperCase(), sector.nameEn().toLowerCase(), " " + sector.nameKo() + " ")) {
                assertThat(GICS.resolveSector(input)).as(input).contains(sector);
            }
        });
    }

    @ParameterizedTest(name = "\"{0}\" is no sector")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Tech stuff", "99", "4", "450", "4510", "Helth Care", "Consumer", "소비재",
            "and", "&"})
    void unknownInputResolvesToNothing(String input) {
        assertThat(GICS.resolveSector(input)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} first")
    @CsvSource(delimiter = '|', value = {
            "Helth Care|Health Care",
            "helthcare|Health Care",
            "Informaton Technology|Information Technology",
            "Consumer Discretonary|Consumer Discretionary",
            "Consumer Staple|Consumer Staples",
            "Utility|Utilities",
            "Real Estates|Real Estate",
            "헬스캐어|헬스케어",
            "부동|부동산",
    })
    void closestSectorNamesPutTheObviousTypoFirst(String input, String expectedFirst) {
        assertThat(GICS.closestSectorNames(input, 3)).hasSize(3).first().isEqualTo(expectedFirst);
    }

    @Test
    void closestSectorNamesOffersOnlyRealNamesUpToTheLimit() {
        List<String> allNames = GICS.sectors().stream()
                .flatMap(s -> Stream.of(s.nameEn(), s.nameKo())).toList();
        assertThat(GICS.closestSectorNames("Tech stuff", 3)).hasSize(3).isSubsetOf(allNames).doesNotHaveDuplicates();
        assertThat(GICS.closestSectorNames("x", 100)).hasSize(11)
                .containsExactlyInAnyOrderElementsOf(GICS.sectors().stream().map(GicsSector::nameEn).toList());
        assertThat(GICS.closestSectorNames("정보기슬", 2)).first().isEqualTo("정보기술");
        assertThat(GICS.closestSectorNames(null, 2)).hasSize(2).isSubsetOf(allNames);
        assertThat(GICS.closestSectorNames("Energy", 1)).containsExactly("Energy");
    }

    @Test
    void everySectorHasANameInEveryLanguageInThatLanguagesScript() {
        Map<DisplayLanguage, String> scripts = Map.of(
                DisplayLanguage.EN, "[A-Za-z ]+",
                DisplayLanguage.KO, ".*\\p{IsHangul}.*",
                DisplayLanguage.ZH_HANS, "\\p{IsHan}+",
                DisplayLanguage.ZH_HANT, "\\p{IsHan}+",
                DisplayLanguage.JA, "[\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}・ー]+",
                DisplayLanguage.VI, "[\\p{IsLatin} ]+");
        for (DisplayLanguage language : DisplayLanguage.values()) {
            List<String> names = GICS.names(language);
            assertThat(names).as("%s names", language.tag()).hasSize(11).doesNotHaveDuplicates()
                    .allSatisfy(name -> assertThat(name).isNotBlank().matches(scripts.get(language)));
            assertThat(GICS.sectors()).allSatisfy(sector -> assertThat(GICS.name(sector.code(), language))
                    .as("%s name of %s", language.tag(), sector.code()).isPresent());
        }
    }

    @ParameterizedTest(name = "{0} = {1} / {2} / {3} / {4}")
    @CsvSource(delimiter = '|', value = {
            "10|能源|能源|エネルギー|Năng lượng",
            "15|原材料|原材料|素材|Nguyên vật liệu",
            "20|工业|工業|資本財・サービス|Công nghiệp",
            "25|非日常生活消费品|非必需消費品|一般消費財・サービス|Hàng tiêu dùng không thiết yếu",
            "30|日常消费品|必需消費品|生活必需品|Hàng tiêu dùng thiết yếu",
            "35|医疗保健|醫療保健|ヘルスケア|Chăm sóc sức khỏe",
            "40|金融|金融|金融|Tài chính",
            "45|信息技术|資訊科技|情報技術|Công nghệ thông tin",
            "50|通信服务|通訊服務|コミュニケーション・サービス|Dịch vụ truyền thông",
            "55|公用事业|公用事業|公益事業|Dịch vụ tiện ích",
            "60|房地产|房地產|不動産|Bất động sản",
    })
    void sectorNamesInChineseJapaneseAndVietnameseFollowTheirSources(String code, String zhHans, String zhHant,
                                                                        String ja, String vi) {
        assertThat(GICS.name(code, DisplayLanguage.ZH_HANS)).contains(zhHans);
        assertThat(GICS.name(code, DisplayLanguage.ZH_HANT)).contains(zhHant);
        assertThat(GICS.name(code, DisplayLanguage.JA)).contains(ja);
        assertThat(GICS.name(code, DisplayLanguage.VI)).contains(vi);
        for (String name : List.of(zhHans, zhHant, ja, vi)) {
            assertThat(GICS.resolveSector(name)).as(name).map(GicsSector::code).contains(code);
        }
    }

    @Test
    void everyLanguageRecordsItsSourceAndTheLevelsItNames() {
        for (DisplayLanguage language : DisplayLanguage.values()) {
            GicsTaxonomy.LanguageSource source = GICS.source(language);
            assertThat(source.name()).as(language.tag()).isNotBlank();
            assertThat(source.source()).as(language.tag()).hasSizeGreaterThan(40);
            assertThat(source.levels()).as(language.tag()).contains("sector")
                    .isSubsetOf("sector", "industry_group", "industry");
        }
        assertThat(GICS.source(DisplayLanguage.EN).levels()).containsExactly("sector", "industry_group", "industry");
        assertThat(GICS.source(DisplayLanguage.ZH_HANS).source()).contains("spglobal.com/spdji/zh");
        assertThat(GICS.source(DisplayLanguage.JA).source()).contains("spglobal.com/spdji/jp");
        assertThat(GICS.source(DisplayLanguage.VI).source()).contains("HOSE");
        assertThat(GICS.source(DisplayLanguage.ZH_HANT).source()).contains("Hang Seng");
    }

    @ParameterizedTest(name = "{0} alias \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "zh-Hans|可选消费|25",
            "zh-Hans|非必需消费品|25",
            "zh-Hans|主要消费|30",
            "zh-Hans|必需消费品|30",
            "zh-Hans|材料|15",
            "zh-Hans|通讯服务|50",
            "zh-Hans|电信服务|50",
            "zh-Hant|非必需性消費|25",
            "zh-Hant|必需性消費|30",
            "zh-Hant|資訊科技業|45",
            "zh-Hant|醫療保健業|35",
            "zh-Hant|健康護理|35",
            "zh-Hant|電訊服務|50",
            "zh-Hant|地產|60",
            "ja|資本財|20",
            "ja|一般消費財|25",
            "ja|通信サービス|50",
            "ja|電気通信サービス|50",
            "vi|Y tế|35",
            "vi|Tiện ích|55",
            "vi|Dịch vụ viễn thông|50",
            "vi|Vật liệu|15",
    })
    void secondUsagesAreAliasesOfTheirLanguage(String tag, String alias, String code) {
        DisplayLanguage language = DisplayLanguage.parse(tag).orElseThrow();
        assertThat(GICS.aliases(code, language)).contains(alias);
        assertThat(GICS.resolveSector(alias)).map(GicsSector::code).contains(code);
    }

    @ParameterizedTest(name = "typed \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Tai chinh|40",
            "cong nghe thong tin|45",
            "BAT DONG SAN|60",
            "Dich vu vien thong|50",
            "資本財サービス|20",
            "コミュニケーションサービス|50",
            "一般消費財･サービス|25",
            "４５|45",
            "Ｅｎｅｒｇｙ|10",
    })
    void resolvesVietnameseWithoutAccentsJapaneseWithoutTheMiddleDotAndFullWidthForms(String input, String code) {
        assertThat(GICS.resolveSector(input)).map(GicsSector::code).contains(code);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} first")
    @CsvSource(delimiter = '|', value = {
            "信息技|信息技术",
            "資訊科|資訊科技",
            "情報技|情報技術",
            "不動|不動産",
            "Tài chinhh|Tài chính",
            "Bất động|Bất động sản",
    })
    void closestSectorNamesAnswerInTheScriptOfTheInput(String input, String expectedFirst) {
        assertThat(GICS.closestSectorNames(input, 3)).first().isEqualTo(expectedFirst);
    }

    @Test
    void aDataFileWhereOneNameStandsForTwoSectorsIsRefused() throws Exception {
        ObjectNode root = (ObjectNode) dataFile();
        ((ObjectNode) root.path("sectors").get(4).path("names")).put("ja", "一般消費財・サービス");

        assertThatThrownBy(() -> GicsTaxonomy.from(root)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'一般消費財・サービス' names both sector 25 and sector 30");
    }

    @Test
    void aDataFileMissingANameOrASourceIsRefused() throws Exception {
        ObjectNode missingName = (ObjectNode) dataFile();
        ((ObjectNode) missingName.path("sectors").get(0).path("names")).remove("vi");
        ObjectNode missingSource = (ObjectNode) dataFile();
        ((ObjectNode) missingSource.path("languages").path("ja")).remove("source");

        assertThatThrownBy(() -> GicsTaxonomy.from(missingName)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sector 10 has no \"vi\"");
        assertThatThrownBy(() -> GicsTaxonomy.from(missingSource)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ja has no \"source\"");
    }

    private static JsonNode dataFile() throws Exception {
        try (InputStream in = GicsTaxonomy.class.getResourceAsStream("/gics/gics-2023.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void keyFoldsCaseSpacesAmpersandAndTheWordAnd() {
        Function<String, String> key = GicsTaxonomy::key;
        assertThat(key.apply("Consumer  Staples")).isEqualTo(key.apply("consumer staples"));
        assertThat(key.apply("Health Care")).isEqualTo(key.apply("health_care")).isEqualTo(key.apply("HEALTH-CARE"));
        assertThat(key.apply("Oil & Gas")).isEqualTo(key.apply("Oil and Gas"));
        assertThat(key.apply("정보 기술")).isEqualTo(key.apply("정보기술"));
        assertThat(key.apply("Brand")).isEqualTo("brand");
    }
}
