package io.spock.metadata.universe;

/**
 * What {@code import-csv} did.
 *
 * @param skipped    rows of other regions than the one asked for
 * @param keptManual rows whose classification was not applied because the stored one is a manual fix and the row
 *                   is not
 */
public record CsvImportResult(String file, int rows, int added, int updated, int unchanged, int skipped,
                              int keptManual) {
}
