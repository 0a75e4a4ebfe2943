package io.spock.metadata.universe;

import io.spock.metadata.app.Messages;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.GicsTaxonomy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a universe CSV as a stream of validated rows, one at a time, so that a file of any size needs little memory:
 * the first problem is one line {@code FILE line N: …} (exit 2). The header names the columns, in any order and each
 * once; {@code exchange} and {@code ticker} are required, the others of {@link CsvColumns#ALL} optional, any other is
 * refused. The text must be UTF-8 (a byte-order mark is allowed) with no line longer than
 * {@value CsvLineReader#MAX_LINE_LENGTH} characters.
 */
final class CsvUniverseReader {

    private final GicsTaxonomy gics;

    CsvUniverseReader(GicsTaxonomy gics) {
        this.gics = gics;
    }

    /** An open file: the columns its header names, then its rows, validated one by one as they are read. */
    final class Rows implements Iterable<CsvTicker>, AutoCloseable {

        private final Path file;
        private final CsvLineReader lines;
        private final CSVParser parser;
        private final List<String> header;
        private final Set<String> columns;

        private Rows(Path file, CsvLineReader lines, CSVParser parser) {
            this.file = file;
            this.lines = lines;
            this.parser = parser;
            this.header = parser.getHeaderNames();
            this.columns = checkedHeader(file, header);
        }

        Set<String> columns() {
            return columns;
        }

        /** The rows in file order; the first problem is thrown as one line naming the file and line. */
        @Override
        public Iterator<CsvTicker> iterator() {
            Iterator<CSVRecord> records = parser.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return guarded(file, records::hasNext);
                }

                @Override
                public CsvTicker next() {
                    CSVRecord record = guarded(file, records::next);
                    int line = (int) lines.lineOf(record.getCharacterPosition());
                    if (record.size() != header.size()) {
                        throw problem(file, line, "expected " + header.size() + " columns, found " + record.size());
                    }
                    return new CsvRowReader(gics, file, line, record, columns).ticker();
                }
            };
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                // read-only: nothing is lost when closing fails
            }
        }
    }

    Rows open(Path file) {
        CsvLineReader lines;
        try {
            lines = new CsvLineReader(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + Messages.of(e));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setAllowMissingColumnNames(true).get();
        return guarded(file, () -> new Rows(file, lines, format.parse(lines)));
    }

    /** Reading and parsing failures as one line naming the file, and the line where it knows it. */
    private static <T> T guarded(Path file, IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CsvLineReader.LineProblem line) {
                throw problem(file, (int) line.line(), line.getMessage());
            }
            throw new UsageException(file + ": not a valid CSV file: " + Messages.flatten(Messages.of(cause)));
        }
    }

    @FunctionalInterface
    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static Set<String> checkedHeader(Path file, List<String> header) {
        if (header.isEmpty()) {
            throw problem(file, 1, "no header: expected the columns " + String.join(",", CsvColumns.ALL));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.isBlank()) {
                throw problem(file, 1, "column " + (i + 1) + " has no name");
            }
            if (!CsvColumns.ALL.contains(column)) {
                throw problem(file, 1, "unknown column " + Messages.quote(column) + "; columns are "
                        + String.join(",", CsvColumns.ALL));
            }
            if (!seen.add(column)) {
                throw problem(file, 1, "column '" + column + "' appears twice");
            }
        }
        for (String required : CsvColumns.REQUIRED) {
            if (!seen.contains(required)) {
                throw problem(file, 1, "missing column '" + required + "'");
            }
        }
        return Set.copyOf(header);
    }

    static UsageException problem(Path file, int line, String message) {
        return new UsageException(file + " line " + line + ": " + message);
    }
}
