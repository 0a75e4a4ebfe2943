package io.spock.metadata.shell;

import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.ChangeQuery.Migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The sector migration matrix of {@code changes --summary}: one row per sector before (rows "from"), one column
 * per sector after (by code), each cell the number of changes between them; "none" where a ticker had no sector
 * (a first classification) or lost it (a cleared fix). Only sectors that occur get a row or a column.
 */
final class MigrationMatrix {

    private static final Comparator<String> CODES_NONE_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private MigrationMatrix() {
    }

    /**
     * Table and CSV: columns {@code from}, the "to" sector codes and {@code total}; the table adds a total row.
     * JSON: per "from" sector its code, label, the non-zero counts by "to" sector code and the total.
     */
    static String render(List<Migration> cells, SectorLabels labels, OutputFormat fmt) {
        TreeSet<String> froms = new TreeSet<>(CODES_NONE_FIRST);
        TreeSet<String> tos = new TreeSet<>(CODES_NONE_FIRST);
        cells.forEach(c -> {
            froms.add(c.from());
            tos.add(c.to());
        });
        if (fmt == OutputFormat.JSON) {
            return Renderer.json(froms.stream().map(from -> json(from, cells, labels)).toList());
        }
        if (fmt == OutputFormat.TABLE && cells.isEmpty()) {
            return "no sector changes match";
        }
        List<String> columns = new ArrayList<>(List.of("from"));
        tos.forEach(to -> columns.add(to == null ? SectorLabels.NONE : to));
        columns.add("total");
        TableView.Builder view = TableView.builder(columns.toArray(String[]::new));
        for (String from : froms) {
            List<Object> row = new ArrayList<>(List.of(labels.orNone(from)));
            tos.forEach(to -> row.add(count(cells, from, to)));
            row.add(cells.stream().filter(c -> Objects.equals(c.from(), from)).mapToInt(Migration::changes).sum());
            view.row(row.toArray());
        }
        if (fmt == OutputFormat.CSV) {
            return Renderer.render(view.build(), fmt);
        }
        List<Object> totals = new ArrayList<>(List.of("total"));
        tos.forEach(to -> totals.add(cells.stream().filter(c -> Objects.equals(c.to(), to))
                .mapToInt(Migration::changes).sum()));
        totals.add(cells.stream().mapToInt(Migration::changes).sum());
        view.row(totals.toArray());
        return "sector migration: from (rows) to (columns), changes\n\n" + Renderer.render(view.build(), fmt);
    }

    private static Map<String, Object> json(String from, List<Migration> cells, SectorLabels labels) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("from_sector", from);
        row.put("from", labels.orNone(from));
        Map<String, Integer> to = new LinkedHashMap<>();
        cells.stream().filter(c -> Objects.equals(c.from(), from))
                .forEach(c -> to.put(c.to() == null ? SectorLabels.NONE : c.to(), c.changes()));
        row.put("to", to);
        row.put("total", to.values().stream().mapToInt(Integer::intValue).sum());
        return row;
    }

    private static int count(List<Migration> cells, String from, String to) {
        return cells.stream().filter(c -> Objects.equals(c.from(), from) && Objects.equals(c.to(), to))
                .mapToInt(Migration::changes).sum();
    }
}
