package io.spock.metadata.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.nio.file.Path;

import static io.spock.metadata.classify.MappingFiles.assertFileError;
import static io.spock.metadata.classify.MappingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Every mistake an operator can make in the KIS mapping file is reported on one line naming the file and line. */
class KisSectorMappingFileErrorsTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final String FILE = "kis.json";
    private static final String ENERGY = "    {\"code\": \"010\", \"sector\": \"10\", \"confidence\": \"high\"},";
    private static final String LAST = "    {\"code\": \"930\", \"sector\": \"55\", \"confidence\": \"high\"}";

    @TempDir
    Path dir;

    /** Line 1 "{", line 2 description, line 3 "codes": [, then entries from line 4, then the closing lines. */
    private Path kisFile(String... entries) {
        String[] lines = new String[entries.length + 5];
        lines[0] = "{";
        lines[1] = "  \"description\": \"test\",";
        lines[2] = "  \"codes\": [";
        System.arraycopy(entries, 0, lines, 3, entries.length);
        lines[lines.length - 2] = "  ]";
        lines[lines.length - 1] = "}";
        return write(dir, FILE, lines);
    }

    private KisSectorMapping load(Path file) {
        return KisSectorMapping.load(file, GICS);
    }

    @Test
    void wellFormedFileLoads() {
        Path file = kisFile(ENERGY, "    {\"code\": \"370\", \"sector\": \"50\", \"confidence\": \"LOW\"},", LAST);
        KisSectorMapping kis = load(file);
        assertThat(kis.codes()).containsExactly("010", "370", "930");
        assertThat(kis.lookup("370").orElseThrow().confidence()).isEqualTo(Confidence.LOW);
        assertThat(kis.lookup("010").orElseThrow().kisName()).isEmpty();
    }

    @Test
    void entriesSpreadOverSeveralLinesLoad() {
        Path file = write(dir, FILE,
                "{\"codes\": [",
                "  {",
                "    \"code\": \"010\",",
                "    \"sector\": \"10\",",
                "    \"confidence\": \"high\"",
                "  }",
                "]}");
        assertThat(load(file).lookup("10")).isPresent();
    }

    @Test
    void missingCommaBetweenFieldsNamesThatLine() {
        Path file = kisFile(ENERGY, "    {\"code\": \"110\" \"sector\": \"15\", \"confidence\": \"high\"},", LAST);
        String message = assertFileError(() -> load(file), file, 5);
        assertThat(message).contains("invalid JSON").containsIgnoringCase("comma");
    }

    @Test
    void missingCommaAfterAnEntryNamesTheLineWhereTheParserStops() {
        // Like jq and Python, the parser notices the missing comma at the next entry.
        Path file = kisFile(ENERGY, "    {\"code\": \"110\", \"sector\": \"15\", \"confidence\": \"high\"}", LAST);
        String message = assertFileError(() -> load(file), file, 6);
        assertThat(message).contains("invalid JSON").containsIgnoringCase("comma");
    }

    @Test
    void trailingCommaIsInvalidJsonOnTheClosingLine() {
        Path file = kisFile(ENERGY, LAST + ",");
        assertFileError(() -> load(file), file, 6);
    }

    @Test
    void unterminatedStringIsInvalidJson() {
        Path file = kisFile(ENERGY, "    {\"code\": \"110, \"sector\": \"15\", \"confidence\": \"high\"},", LAST);
        assertThat(assertFileError(() -> load(file), file, 5)).contains("invalid JSON");
    }

    @Test
    void truncatedFileIsInvalidJson() {
        Path file = write(dir, FILE, "{", "  \"codes\": [", ENERGY);
        assertThat(assertFileError(() -> load(file), file, 4)).contains("invalid JSON");
    }

    @Test
    void fileSavedInKoreanWindowsEncodingIsInvalidJsonOnTheLineWithKorean() {
        Path file = write(dir, FILE, Charset.forName("MS949"),
                "{",
                "  \"codes\": [",
                "    {\"code\": \"010\", \"sector\": \"10\", \"confidence\": \"high\"},",
                "    {\"code\": \"110\", \"sector\": \"15\", \"confidence\": \"high\", \"kis_name\": \"화학\"}",
                "  ]",
                "}");
        assertThat(assertFileError(() -> load(file), file, 4)).contains("invalid JSON");
    }

    @Test
    void unknownSectorCodeNamesTheLineAndTheCode() {
        Path file = kisFile(ENERGY, ENERGY.replace("010", "110").replace("\"10\"", "\"16\""), LAST);
        String message = assertFileError(() -> load(file), file, 5);
        assertThat(message).contains("unknown GICS sector '16'").contains("110");
    }

    @Test
    void sectorGivenByNameInsteadOfCodeIsUnknown() {
        Path file = kisFile(ENERGY, "    {\"code\": \"110\", \"sector\": \"Materials\", \"confidence\": \"high\"}");
        assertThat(assertFileError(() -> load(file), file, 5)).contains("'Materials'");
    }

    @Test
    void duplicateCodeNamesTheSecondOccurrence() {
        Path file = kisFile(ENERGY, LAST + ",", "    {\"code\": \"010\", \"sector\": \"10\", \"confidence\": \"low\"}");
        assertThat(assertFileError(() -> load(file), file, 6)).contains("duplicate code 010");
    }

    @Test
    void codesThatOnlyDifferInPaddingAreDuplicates() {
        Path file = kisFile(ENERGY, "    {\"code\": \"10\", \"sector\": \"10\", \"confidence\": \"high\"}");
        assertThat(assertFileError(() -> load(file), file, 5)).contains("duplicate code 010");
    }

    @ParameterizedTest(name = "confidence \"{0}\"")
    @CsvSource({"mid", "hi", "1", "true"})
    void badConfidenceNamesTheLineAndTheValue(String confidence) {
        Path file = kisFile(ENERGY, "    {\"code\": \"110\", \"sector\": \"15\", \"confidence\": \"" + confidence + "\"}");
        assertThat(assertFileError(() -> load(file), file, 5))
                .contains("confidence '" + confidence + "'").contains("high, medium or low");
    }

    @ParameterizedTest(name = "missing \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "{\"sector\": \"15\", \"confidence\": \"high\"}|code",
            "{\"code\": \"110\", \"confidence\": \"high\"}|sector",
            "{\"code\": \"110\", \"sector\": \"15\"}|confidence",
            "{\"code\": \"\", \"sector\": \"15\", \"confidence\": \"high\"}|code",
            "{\"code\": \"  \", \"sector\": \"15\", \"confidence\": \"high\"}|code",
            "{\"code\": null, \"sector\": \"15\", \"confidence\": \"high\"}|code",
            "{\"code\": \"110\", \"sector\": \"\", \"confidence\": \"high\"}|sector",
            "{\"code\": \"110\", \"sector\": \"15\", \"confidence\": null}|confidence",
            "\"110\"|code",
    })
    void missingFieldNamesTheLineAndTheField(String entry, String field) {
        Path file = kisFile(ENERGY, "    " + entry + ",", LAST);
        assertThat(assertFileError(() -> load(file), file, 5)).contains("missing \"" + field + "\"");
    }

    @ParameterizedTest(name = "code \"{0}\"")
    @CsvSource({"A10", "1O", "0630", "1000", "-10", "10.5", "01 0"})
    void nonNumericOrOverlongCodeNamesTheLine(String code) {
        Path file = kisFile(ENERGY, "    {\"code\": \"" + code + "\", \"sector\": \"15\", \"confidence\": \"high\"}");
        assertThat(assertFileError(() -> load(file), file, 5))
                .contains("'" + code + "'").contains("not a number of up to three digits");
    }

    @Test
    void codeWrittenAsAJsonNumberIsAccepted() {
        Path file = kisFile("    {\"code\": 10, \"sector\": 10, \"confidence\": \"high\"}");
        assertThat(load(file).lookup("010")).map(m -> m.sector().code()).contains("10");
    }

    @ParameterizedTest(name = "code \"{0}\"")
    @CsvSource({"000", "0", "00"})
    void unclassifiedCodeCannotBeMapped(String code) {
        Path file = kisFile(ENERGY, "    {\"code\": \"" + code + "\", \"sector\": \"15\", \"confidence\": \"high\"}");
        assertThat(assertFileError(() -> load(file), file, 5)).contains("000").contains("unclassified");
    }

    @Test
    void missingCodesArrayIsReported() {
        Path file = write(dir, FILE, "{", "  \"description\": \"no codes\",", "  \"code\": []", "}");
        assertThat(assertFileError(() -> load(file), file)).contains("no \"codes\" array");
    }

    @Test
    void codesThatIsNotAnArrayNamesItsLine() {
        Path file = write(dir, FILE, "{", "  \"description\": \"wrong shape\",",
                "  \"codes\": {\"code\": \"010\", \"sector\": \"10\", \"confidence\": \"high\"}", "}");
        assertThat(assertFileError(() -> load(file), file, 3)).contains("\"codes\"").contains("array");
    }

    @Test
    void entriesPastedAfterTheClosingBraceAreNotSilentlyIgnored() {
        Path file = write(dir, FILE,
                "{",
                "  \"codes\": [",
                ENERGY.replace("},", "}"),
                "  ]",
                "}",
                "    {\"code\": \"110\", \"sector\": \"15\", \"confidence\": \"high\"}");
        assertThat(assertFileError(() -> load(file), file, 6)).contains("after the closing }");
    }

    @Test
    void garbageAfterTheClosingBraceIsInvalidJsonOnItsLine() {
        Path file = write(dir, FILE, "{\"codes\": []}", "", "oops");
        assertThat(assertFileError(() -> load(file), file, 3)).contains("invalid JSON");
    }

    @Test
    void fileWithAUtf8ByteOrderMarkLoads() {
        Path file = write(dir, FILE, "\uFEFF{\"codes\": [", ENERGY.replace("},", "}"), "]}");
        assertThat(load(file).lookup("010")).isPresent();
    }

    @Test
    void rootThatIsNotAnObjectIsReportedOnLineOne() {
        Path file = write(dir, FILE, "[", ENERGY, "]");
        assertThat(assertFileError(() -> load(file), file, 1)).contains("expected a JSON object");
    }

    @Test
    void emptyFileIsReported() {
        Path file = write(dir, FILE, "");
        assertFileError(() -> load(file), file, 1);
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("no-such-mapping.json");
        assertThat(assertFileError(() -> load(file), file)).contains("file not found");
    }

    @Test
    void directoryInsteadOfFileIsReportedAsNotFound() {
        assertThat(assertFileError(() -> load(dir), dir)).contains("file not found");
    }

    @Test
    void emptyCodesArrayLoadsAnEmptyMapping() {
        Path file = write(dir, FILE, "{\"codes\": []}");
        assertThat(load(file).codes()).isEmpty();
    }
}
