package io.spock.metadata.universe;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Reads and validates a universe CSV as a whole before anything is written: the first problem is one line
 * {@code FILE line N: …} (exit 2). The header names the columns, in any order; {@code exchange} and {@code ticker}
 * are required, the others of {@link CsvColumns#ALL} optional, any other is refused.
 */
final class CsvUniverseReader {

    private static final Pattern KIS_CODE = Pattern.compile("\\d{1,3}");
    private static final Set<String> CONFIDENCES = Arrays.stream(Confidence.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final GicsTaxonomy gics;

    CsvUniverseReader(GicsTaxonomy gics) {
        this.gics = gics;
    }

    /** The validated rows and the columns the header named. */
    record Content(List<CsvTicker> rows, Set<String> columns) {
    }

    Content read(Path file) {
        String text = text(file);
        LineIndex lines = new LineIndex(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            Set<String> columns = checkedHeader(file, header);
            List<CsvTicker> rows = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (CSVRecord record : parser) {
                int line = lines.lineOf(record.getCharacterPosition());
                if (record.size() != header.size()) {
                    throw problem(file, line, "expected " + header.size() + " columns, found " + record.size());
                }
                CsvTicker row = new RowReader(file, line, record, columns).ticker();
                if (!keys.add(row.region() + " " + row.ticker())) {
                    throw problem(file, line, "ticker " + row.ticker() + " of " + row.region() + " appears twice");
                }
                rows.add(row);
            }
            return new Content(rows, columns);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(file + ": not a valid CSV file: " + describe(e));
        }
    }

    private static String text(Path file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UsageException(file + ": not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + describe(e));
        }
    }

    private static Set<String> checkedHeader(Path file, List<String> header) {
        if (header.isEmpty()) {
            throw problem(file, 1, "no header: expected the columns " + String.join(",", CsvColumns.ALL));
        }
        for (String column : header) {
            if (!CsvColumns.ALL.contains(column)) {
                throw problem(file, 1, "unknown column '" + column + "'; columns are " + String.join(",", CsvColumns.ALL));
            }
        }
        for (String required : CsvColumns.REQUIRED) {
            if (!header.contains(required)) {
                throw problem(file, 1, "missing column '" + required + "'");
            }
        }
        return Set.copyOf(header);
    }

    private static String describe(Exception e) {
        String message = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause().getMessage()
                : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").trim();
    }

    static UsageException problem(Path file, int line, String message) {
        return new UsageException(file + " line " + line + ": " + message);
    }

    /** Validates the cells of one row. */
    private final class RowReader {

        private final Path file;
        private final int line;
        private final CSVRecord record;
        private final Set<String> columns;

        RowReader(Path file, int line, CSVRecord record, Set<String> columns) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.columns = columns;
        }

        CsvTicker ticker() {
            String exchangeText = cell(CsvColumns.EXCHANGE);
            Exchange exchange = Markets.exchange(exchangeText).filter(e -> !exchangeText.isEmpty())
                    .orElseThrow(() -> fail("unknown exchange '" + exchangeText + "'"));
            String regionText = cell(CsvColumns.REGION);
            if (!regionText.isEmpty()) {
                Region region = Region.parse(regionText).orElseThrow(() -> fail("unknown region '" + regionText + "'"));
                if (region != exchange.region()) {
                    throw fail("region " + region + " does not match exchange " + exchange.code() + " ("
                            + exchange.region() + ")");
                }
            }
            String ticker = cell(CsvColumns.TICKER);
            if (!Markets.isValidTicker(ticker)) {
                throw fail("bad ticker '" + ticker + "': up to 32 capital letters, digits, '.', '/' or '-'");
            }
            return new CsvTicker(line, exchange, ticker, text(CsvColumns.NAME_EN), text(CsvColumns.NAME_KO),
                    parsed(CsvColumns.SECURITY_TYPE, SecurityType::parse, SecurityType.STOCK), kisCode(),
                    text(CsvColumns.YAHOO_SYMBOL), sector(), text(CsvColumns.INDUSTRY), flag(CsvColumns.IS_SPAC),
                    flag(CsvColumns.IS_PREFERRED), parsed(CsvColumns.SOURCE, CsvUniverseReader::source, null),
                    confidence(), parsed(CsvColumns.STATUS, named(TickerStatus.values()), null), lastEnriched(),
                    flag(CsvColumns.DELISTED));
        }

        private String cell(String column) {
            return columns.contains(column) ? record.get(column) : "";
        }

        private String text(String column) {
            String value = cell(column);
            return value.isEmpty() ? null : value;
        }

        private String kisCode() {
            String code = cell(CsvColumns.KIS_CODE);
            if (!code.isEmpty() && !KIS_CODE.matcher(code).matches()) {
                throw fail("bad KIS code '" + code + "': up to three digits, or blank for none");
            }
            return KisSectorMapping.normalise(code);
        }

        private GicsSector sector() {
            String code = cell(CsvColumns.SECTOR_CODE);
            return code.isEmpty() ? null
                    : gics.sector(code).orElseThrow(() -> fail("unknown GICS sector code '" + code + "'"));
        }

        private Boolean flag(String column) {
            String value = cell(column).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "" -> null;
                case "true" -> true;
                case "false" -> false;
                default -> throw fail(column + " must be true or false, not '" + cell(column) + "'");
            };
        }

        private String confidence() {
            String value = cell(CsvColumns.CONFIDENCE).toUpperCase(Locale.ROOT);
            if (!value.isEmpty() && !CONFIDENCES.contains(value)) {
                throw fail("confidence must be HIGH, MEDIUM or LOW, not '" + cell(CsvColumns.CONFIDENCE) + "'");
            }
            return value.isEmpty() ? null : value;
        }

        private LocalDateTime lastEnriched() {
            String value = cell(CsvColumns.LAST_ENRICHED);
            try {
                return value.isEmpty() ? null : LocalDateTime.parse(value, CsvColumns.TIME);
            } catch (DateTimeParseException e) {
                throw fail("last_enriched '" + value + "' is not yyyy-MM-dd HH:mm:ss");
            }
        }

        private <T> T parsed(String column, Function<String, Optional<T>> parse, T blank) {
            String value = cell(column);
            if (value.isEmpty()) {
                return blank;
            }
            return parse.apply(value).orElseThrow(() -> fail("unknown " + column + " '" + value + "'"));
        }

        private UsageException fail(String message) {
            return problem(file, line, message);
        }
    }

    /** Any well-formed source name: sources are pluggable, so a CSV may carry one this store has not seen yet. */
    private static Optional<Source> source(String text) {
        return Source.isValidName(text) ? Optional.of(Source.of(text)) : Optional.empty();
    }

    private static <E extends Enum<E>> Function<String, Optional<E>> named(E[] values) {
        return text -> Arrays.stream(values).filter(v -> v.name().equalsIgnoreCase(text)).findFirst();
    }

    /** Maps character positions to 1-based line numbers. */
    private static final class LineIndex {

        private final int[] lineStarts;

        LineIndex(String text) {
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long position) {
            int found = Arrays.binarySearch(lineStarts, (int) position);
            return found >= 0 ? found + 1 : -found - 1;
        }
    }
}
