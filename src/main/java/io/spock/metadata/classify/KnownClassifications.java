package io.spock.metadata.classify;

import io.spock.metadata.app.Messages;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator-editable list of classifications known for certain ({@code config/known_classifications.csv}):
 * reclassifications that the other sources have not caught up with, such as GICS 2023 moving transaction and payment
 * processors (V, MA, PYPL…) from Information Technology to Financials.
 *
 * <p>The file is CSV with the header {@code region,ticker,gics_code,reason,source_reference}; lines starting with
 * {@code #} are comments. {@code ticker} is the listing's ticker as KIS writes it ({@code BRK/B}); {@code gics_code} is
 * a GICS 2023 sector (2 digits), industry group (4) or industry (6).
 */
public final class KnownClassifications {

    public static final String FILE = "known_classifications.csv";
    static final List<String> COLUMNS = List.of("region", "ticker", "gics_code", "reason", "source_reference");
    /** The widths of the store's columns they end in: the history's reason, the evidence's detail. */
    static final int MAX_REASON = 400;
    static final int MAX_REFERENCE = 256;

    /**
     * One known classification.
     *
     * @param code      the GICS code as written (2, 4 or 6 digits)
     * @param codeName  GICS 2023's English name of that code
     * @param reason    why, for the operator and the classification history
     * @param reference the document the classification comes from
     */
    public record Entry(Region region, String ticker, GicsSector sector, String code, String codeName, String reason,
                       String reference) {
    }

    private final Map<String, Entry> byListing;

    private KnownClassifications(Map<String, Entry> byListing) {
        this.byListing = Map.copyOf(byListing);
    }

    /** The known classification of a listing, if the file has one. */
    public Optional<Entry> find(String region, String ticker) {
        return Optional.ofNullable(byListing.get(key(region, ticker)));
    }

    public int size() {
        return byListing.size();
    }

    /**
     * Reads and checks the file; a missing file is an empty list.
     *
     * @throws MappingFileException (exit 2) naming the file and line: a missing column, an unknown region, a ticker
     *                              that is no ticker, a code GICS 2023 does not have, a listing given twice, an empty
     *                              reason or reference, text that is not UTF-8
     */
    public static KnownClassifications load(Path file, GicsTaxonomy gics) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setCommentMarker('#').setIgnoreEmptyLines(true).get();
        Map<String, Entry> entries = new HashMap<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return new KnownClassifications(Map.of());
        } catch (CharacterCodingException e) {
            throw new MappingFileException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new MappingFileException(file + ": cannot be read: " + e.getMessage());
        }
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new MappingFileException(file + " line 1: missing column " + String.join(", ", missing)
                        + " (the header is " + String.join(",", COLUMNS) + ")");
            }
            for (CSVRecord row : parser) {
                String where = file + " line " + lineOf(text, row.getCharacterPosition()) + ": ";
                Entry entry = entry(where, row, gics);
                if (entries.putIfAbsent(key(entry.region().name(), entry.ticker()), entry) != null) {
                    throw new MappingFileException(where + entry.region() + " " + entry.ticker() + " is listed twice");
                }
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new MappingFileException(file + ": cannot be read as CSV: " + Messages.of(e));
        }
        return new KnownClassifications(entries);
    }

    private static Entry entry(String where, CSVRecord row, GicsTaxonomy gics) {
        if (!row.isConsistent()) {
            throw new MappingFileException(where + "expected " + COLUMNS.size() + " fields, found "
                    + row.size());
        }
        String regionText = row.get("region");
        Region region = Region.parse(regionText).orElseThrow(() -> new MappingFileException(where
                + "unknown region '" + regionText + "' (known: " + String.join(", ", Region.names()) + ")"));
        String ticker = row.get("ticker").toUpperCase(Locale.ROOT);
        if (!Markets.isValidTicker(ticker)) {
            throw new MappingFileException(where + "'" + row.get("ticker") + "' is not a ticker");
        }
        String code = row.get("gics_code");
        String name = gics.nameOf(code).orElseThrow(() -> new MappingFileException(where
                + "'" + code + "' is not a GICS 2023 sector, industry group or industry code"));
        GicsSector sector = gics.sector(code.substring(0, 2)).orElseThrow();
        String reason = required(where, row, "reason", MAX_REASON);
        String reference = required(where, row, "source_reference", MAX_REFERENCE);
        return new Entry(region, ticker, sector, code, name, reason, reference);
    }

    private static String required(String where, CSVRecord row, String column, int max) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new MappingFileException(where + "empty " + column);
        }
        if (value.length() > max) {
            throw new MappingFileException(where + column + " is " + value.length() + " characters long, at most "
                    + max);
        }
        return value;
    }

    /** The 1-based line on which the record at {@code position} (in characters) starts. */
    private static long lineOf(String text, long position) {
        return text.substring(0, (int) Math.min(position, text.length())).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String key(String region, String ticker) {
        return region + " " + ticker;
    }
}
