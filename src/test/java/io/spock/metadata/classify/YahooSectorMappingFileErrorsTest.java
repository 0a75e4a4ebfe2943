package io.spock.metadata.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.spock.metadata.classify.MappingFiles.assertFileError;
import static io.spock.metadata.classify.MappingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in the Yahoo mapping file are reported on one line naming the file and line. */
class YahooSectorMappingFileErrorsTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final String FILE = "yahoo.json";

    @TempDir
    Path dir;

    /** Lines 1-2 are the header, sector entries start on line 3 and industries follow after two lines. */
    private Path yahooFile(String[] sectors, String... industries) {
        List<String> lines = new ArrayList<>();
        lines.add("{");
        lines.add("  \"sectors\": [");
        lines.addAll(List.of(sectors));
        lines.add("  ],");
        lines.add("  \"industries\": [");
        lines.addAll(List.of(industries));
        lines.add("  ]");
        lines.add("}");
        return write(dir, FILE, lines.toArray(String[]::new));
    }

    private static String[] sectors(String... entries) {
        return entries;
    }

    private YahooSectorMapping load(Path file) {
        return YahooSectorMapping.load(file, GICS);
    }

    @Test
    void wellFormedFileLoads() {
        Path file = yahooFile(sectors(
                        "    {\"yahoo\": \"Energy\", \"sector\": \"10\"},",
                        "    {\"yahoo\": \"Real Estate\", \"sector\": \"60\"}"),
                "    {\"industry\": \"REIT—Mortgage\", \"sector\": \"40\"},",
                "    {\"industry\": \"Shell Companies\", \"spac\": true}");
        YahooSectorMapping yahoo = load(file);
        assertThat(yahoo.map("Real Estate", "REIT - Mortgage")).map(m -> m.sector().code()).contains("40");
        assertThat(yahoo.map("Energy", "Shell Companies")).map(YahooMatch::spacIndustry).contains(true);
        assertThat(yahoo.map("Technology", null)).isEmpty();
    }

    @Test
    void aSectorsConfidenceIsReadAndHighWhenLeftOut() {
        Path file = yahooFile(sectors(
                        "    {\"yahoo\": \"Energy\", \"sector\": \"10\"},",
                        "    {\"yahoo\": \"Basic Materials\", \"sector\": \"15\", \"confidence\": \"medium\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true}");
        YahooSectorMapping yahoo = load(file);
        assertThat(yahoo.confidence("Energy")).isEqualTo(Confidence.HIGH);
        assertThat(yahoo.confidence("basic materials")).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void aBadConfidenceNamesTheLine() {
        Path file = yahooFile(sectors(
                        "    {\"yahoo\": \"Energy\", \"sector\": \"10\"},",
                        "    {\"yahoo\": \"Utilities\", \"sector\": \"55\", \"confidence\": \"sure\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true}");
        assertThat(assertFileError(() -> load(file), file, 4))
                .contains("confidence 'sure' must be high, medium or low");
    }

    @Test
    void industryRuleCanChangeTheSectorAndFlagSpacTogether() {
        Path file = yahooFile(sectors("    {\"yahoo\": \"Industrials\", \"sector\": \"20\"}"),
                "    {\"industry\": \"Shell Companies\", \"sector\": \"40\", \"spac\": true}");
        YahooMatch match = load(file).map("Industrials", "Shell Companies").orElseThrow();
        assertThat(match.sector().code()).isEqualTo("40");
        assertThat(match.spacIndustry()).isTrue();
    }

    @Test
    void unknownSectorInSectorsNamesTheLine() {
        Path file = yahooFile(sectors(
                        "    {\"yahoo\": \"Energy\", \"sector\": \"10\"},",
                        "    {\"yahoo\": \"Crypto\", \"sector\": \"65\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true}");
        assertThat(assertFileError(() -> load(file), file, 4)).contains("unknown GICS sector '65'");
    }

    @Test
    void unknownSectorInIndustriesNamesTheLine() {
        Path file = yahooFile(sectors("    {\"yahoo\": \"Energy\", \"sector\": \"10\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true},",
                "    {\"industry\": \"REIT - Mortgage\", \"sector\": \"Financials\"}");
        // sectors on line 3; "]," 4; "industries" 5; entries 6 and 7
        assertThat(assertFileError(() -> load(file), file, 7)).contains("unknown GICS sector 'Financials'");
    }

    @Test
    void duplicateYahooSectorIgnoringCaseNamesTheSecondLine() {
        Path file = yahooFile(sectors(
                        "    {\"yahoo\": \"Energy\", \"sector\": \"10\"},",
                        "    {\"yahoo\": \"Utilities\", \"sector\": \"55\"},",
                        "    {\"yahoo\": \"ENERGY\", \"sector\": \"10\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true}");
        assertThat(assertFileError(() -> load(file), file, 5)).contains("duplicate Yahoo sector 'ENERGY'");
    }

    @Test
    void duplicateIndustryInEitherDashFormNamesTheSecondLine() {
        Path file = yahooFile(sectors("    {\"yahoo\": \"Energy\", \"sector\": \"10\"}"),
                "    {\"industry\": \"REIT - Mortgage\", \"sector\": \"40\"},",
                "    {\"industry\": \"REIT—Mortgage\", \"sector\": \"40\"}");
        assertThat(assertFileError(() -> load(file), file, 7)).contains("duplicate industry 'REIT—Mortgage'");
    }

    @Test
    void industryRuleWithoutSectorOrSpacNamesTheLine() {
        Path file = yahooFile(sectors("    {\"yahoo\": \"Energy\", \"sector\": \"10\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true},",
                "    {\"industry\": \"REIT - Mortgage\", \"note\": \"forgot the sector\"}");
        assertThat(assertFileError(() -> load(file), file, 7))
                .contains("industry 'REIT - Mortgage'").contains("needs a \"sector\" or \"spac\": true");
    }

    @Test
    void industryRuleWithSpacFalseAndNoSectorNamesTheLine() {
        Path file = yahooFile(sectors("    {\"yahoo\": \"Energy\", \"sector\": \"10\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": false}");
        assertThat(assertFileError(() -> load(file), file, 6)).contains("needs a \"sector\" or \"spac\": true");
    }

    @Test
    void missingYahooNameNamesTheLine() {
        Path file = yahooFile(sectors(
                        "    {\"yahoo\": \"Energy\", \"sector\": \"10\"},",
                        "    {\"sector\": \"55\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true}");
        assertThat(assertFileError(() -> load(file), file, 4)).contains("missing \"yahoo\"");
    }

    @Test
    void missingSectorNamesTheLine() {
        Path file = yahooFile(sectors("    {\"yahoo\": \"Energy\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true}");
        assertThat(assertFileError(() -> load(file), file, 3)).contains("missing \"sector\"");
    }

    @Test
    void missingIndustryNameNamesTheLine() {
        Path file = yahooFile(sectors("    {\"yahoo\": \"Energy\", \"sector\": \"10\"}"),
                "    {\"sector\": \"40\"}");
        assertThat(assertFileError(() -> load(file), file, 6)).contains("missing \"industry\"");
    }

    @Test
    void invalidJsonNamesTheLine() {
        Path file = yahooFile(sectors(
                        "    {\"yahoo\": \"Energy\", \"sector\": \"10\"},",
                        "    {\"yahoo\": \"Utilities\" \"sector\": \"55\"}"),
                "    {\"industry\": \"Shell Companies\", \"spac\": true}");
        assertThat(assertFileError(() -> load(file), file, 4)).contains("invalid JSON");
    }

    @Test
    void missingSectorsArrayIsReported() {
        Path file = write(dir, FILE, "{", "  \"industries\": []", "}");
        assertThat(assertFileError(() -> load(file), file)).contains("no \"sectors\" array");
    }

    @Test
    void missingIndustriesArrayIsReported() {
        Path file = write(dir, FILE, "{", "  \"sectors\": [{\"yahoo\": \"Energy\", \"sector\": \"10\"}]", "}");
        assertThat(assertFileError(() -> load(file), file)).contains("no \"industries\" array");
    }

    @Test
    void sectorsThatIsNotAnArrayNamesItsLine() {
        Path file = write(dir, FILE, "{", "  \"industries\": [],", "  \"sectors\": \"Energy=10\"", "}");
        assertThat(assertFileError(() -> load(file), file, 3)).contains("\"sectors\" must be an array");
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("yahoo_sector_to_gics.json");
        assertThat(assertFileError(() -> load(file), file)).contains("file not found");
    }
}
