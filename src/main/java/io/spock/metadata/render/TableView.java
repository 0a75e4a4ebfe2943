package io.spock.metadata.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of data with named columns: the one shape that table, CSV and JSON output are rendered from.
 *
 * @param columns   column names in snake_case (they become CSV headers and JSON keys)
 * @param rows      cell values; null renders as empty
 * @param dropFirst columns a table too wide for the terminal leaves out first, in this order (then the rightmost)
 * @param keepWhole text columns whose cells a narrow table never cuts (a command line to copy): it drops them instead
 */
public record TableView(List<String> columns, List<List<Object>> rows, List<String> dropFirst,
                        List<String> keepWhole) {

    public TableView {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        dropFirst = List.copyOf(dropFirst);
        keepWhole = List.copyOf(keepWhole);
    }

    public TableView(List<String> columns, List<List<Object>> rows) {
        this(columns, rows, List.of(), List.of());
    }

    public static Builder builder(String... columns) {
        return new Builder(List.of(columns));
    }

    /** Collects rows, checking each has one value per column. */
    public static final class Builder {
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<String> dropFirst = new ArrayList<>();
        private final List<String> keepWhole = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = columns;
        }

        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size()
                        + " columns");
            }
            rows.add(Arrays.asList(values));
            return this;
        }

        /** The columns to leave out first when the table is too wide for the terminal, least needed first. */
        public Builder dropFirst(String... names) {
            dropFirst.addAll(known(names));
            return this;
        }

        /** Text columns whose cells must be shown whole or not at all. */
        public Builder keepWhole(String... names) {
            keepWhole.addAll(known(names));
            return this;
        }

        private List<String> known(String... names) {
            for (String name : names) {
                if (!columns.contains(name)) {
                    throw new IllegalArgumentException("no column " + name);
                }
            }
            return List.of(names);
        }

        public TableView build() {
            return new TableView(columns, rows, dropFirst, keepWhole);
        }
    }
}
