package io.spock.metadata.classify;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One native classification scheme → GICS 2023, read from an operator-edited CSV file in {@code config/}
 * ({@code crosswalk_tse33.csv}, {@code crosswalk_nasdaq_industry.csv}, {@code crosswalk_sic.csv}). Lines starting
 * with {@code #} describe the file (how its confidence was measured, and on what); then the header
 * {@code code,name,sector,industry,confidence,measured} and one row per native code, each on one line.
 *
 * <p>Codes are compared ignoring case and repeated spaces. A {@link Matching#LONGEST_PREFIX} crosswalk (SIC) answers a
 * code from its longest listed prefix ({@code 2834}, else {@code 283}, else {@code 28}).
 */
public final class Crosswalk {

    public static final List<String> HEADER = List.of("code", "name", "sector", "industry", "confidence", "measured");

    /** How a native code finds its row. */
    public enum Matching { EXACT, LONGEST_PREFIX }

    /**
     * One native code mapped to GICS.
     *
     * @param industryCode the GICS industry group (4 digits) or industry (6 digits) the native code pins down, else null
     * @param measured     the file's note of how often the row was right, for the evidence
     */
    public record Row(String code, String name, GicsSector sector, String industryCode, Confidence confidence,
                      String measured) {
    }

    private static final CSVFormat LINE = CSVFormat.DEFAULT.builder().setTrim(true).get();

    private final Path file;
    private final Matching matching;
    private final Map<String, Row> byCode;

    private Crosswalk(Path file, Matching matching, Map<String, Row> byCode) {
        this.file = file;
        this.matching = matching;
        this.byCode = byCode;
    }

    /**
     * Reads and checks the whole file.
     *
     * @throws MappingFileException (exit 2) naming the file and line: missing file, wrong header, wrong number of
     *                              columns, blank or duplicate code, unknown GICS sector, an industry code that is not
     *                              a GICS industry group or industry of that sector, a confidence other than
     *                              high, medium or low
     */
    public static Crosswalk load(Path file, GicsTaxonomy gics, Matching matching) {
        if (!Files.isRegularFile(file)) {
            throw new MappingFileException(file + ": file not found");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MappingFileException(file + ": cannot read: " + e.getMessage());
        }
        Set<String> industries = Stream.concat(gics.industryGroups().stream().map(GicsIndustryGroup::code),
                gics.industries().stream().map(GicsIndustry::code)).collect(Collectors.toSet());
        Map<String, Row> byCode = new HashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1) + ": ";
            List<String> cells = cells(text, where);
            if (!header) {
                if (!cells.equals(HEADER)) {
                    throw new MappingFileException(where + "expected the header " + String.join(",", HEADER));
                }
                header = true;
                continue;
            }
            if (cells.size() != HEADER.size()) {
                throw new MappingFileException(where + "expected " + HEADER.size() + " columns, found " + cells.size());
            }
            Row row = row(cells, where, gics, industries);
            if (byCode.putIfAbsent(key(row.code()), row) != null) {
                throw new MappingFileException(where + "duplicate code '" + row.code() + "'");
            }
        }
        if (!header) {
            throw new MappingFileException(file + ": no header line " + String.join(",", HEADER));
        }
        return new Crosswalk(file, matching, Map.copyOf(byCode));
    }

    private static Row row(List<String> cells, String where, GicsTaxonomy gics, Set<String> industries) {
        String code = cells.get(0);
        if (code.isEmpty()) {
            throw new MappingFileException(where + "missing code");
        }
        GicsSector sector = gics.sector(cells.get(2)).orElseThrow(() -> new MappingFileException(where
                + "unknown GICS sector '" + cells.get(2) + "' for code " + code));
        String industry = cells.get(3).isEmpty() ? null : cells.get(3);
        if (industry != null && (!industries.contains(industry) || !industry.startsWith(sector.code()))) {
            throw new MappingFileException(where + "'" + industry + "' is not a GICS industry group or industry of sector "
                    + sector.code() + " (code " + code + ")");
        }
        Confidence confidence = Confidence.parse(cells.get(4)).orElseThrow(() -> new MappingFileException(where
                + "confidence '" + cells.get(4) + "' must be high, medium or low"));
        return new Row(code, cells.get(1), sector, industry, confidence, cells.get(5));
    }

    private static List<String> cells(String text, String where) {
        try (CSVParser parser = CSVParser.parse(text, LINE)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new MappingFileException(where + "expected one row on the line");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new MappingFileException(where + "not a CSV row: " + e.getMessage());
        }
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String key(String code) {
        return SPACES.matcher(code.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The row for a native code (by its longest listed prefix for {@link Matching#LONGEST_PREFIX}); empty if none. */
    public Optional<Row> lookup(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String key = key(code);
        if (matching == Matching.EXACT) {
            return Optional.ofNullable(byCode.get(key));
        }
        for (int length = key.length(); length > 0; length--) {
            Row row = byCode.get(key.substring(0, length));
            if (row != null) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    public Path file() {
        return file;
    }

    public int size() {
        return byCode.size();
    }
}
