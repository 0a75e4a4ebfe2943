package io.spock.metadata.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A {@link TableView} as an aligned text table that fits a terminal's width. When the whole table is wider, it
 * gives up, in turn: one-line headers (a multi-word header goes on two lines, split between words), the full length
 * of long cells in columns without numbers and not kept whole (cut with "…", down to {@value #MIN_TEXT} columns),
 * and whole columns (the view's
 * {@code dropFirst} ones, then the rightmost, never the first), with a note naming what is not shown. Widths are
 * terminal columns ({@link TerminalText#width}), so Chinese, Japanese and Korean text keeps the columns aligned.
 */
final class TextTable {

    /** Text cells are not cut shorter than this. */
    static final int MIN_TEXT = 12;
    private static final int GAP = 2;

    private final TableView view;
    private final String[] headers;
    private final List<String[]> cells = new ArrayList<>();
    private final List<boolean[]> numeric = new ArrayList<>();
    private final boolean[] cuttable;

    private TextTable(TableView view) {
        this.view = view;
        int n = view.columns().size();
        headers = view.columns().stream().map(c -> c.replace('_', ' ')).toArray(String[]::new);
        cuttable = new boolean[n];
        for (int i = 0; i < n; i++) {
            int column = i;
            cuttable[i] = !view.keepWhole().contains(view.columns().get(i))
                    && view.rows().stream().noneMatch(r -> r.get(column) instanceof Number);
        }
        for (List<Object> row : view.rows()) {
            cells.add(row.stream().map(v -> TerminalText.clean(Renderer.text(v))).toArray(String[]::new));
            boolean[] right = new boolean[n];
            for (int i = 0; i < n; i++) {
                right[i] = row.get(i) instanceof Number;
            }
            numeric.add(right);
        }
    }

    /** @param width terminal columns available; 0 or less means no limit (a pipe or a file gets the whole table) */
    static String render(TableView view, int width) {
        return new TextTable(view).render(width);
    }

    private String render(int width) {
        List<Integer> shown = new ArrayList<>(IntStream.range(0, headers.length).boxed().toList());
        List<String> dropped = new ArrayList<>();
        Layout layout = fit(shown, width);
        while (layout == null) {
            int drop = nextToDrop(shown);
            shown.remove(Integer.valueOf(drop));
            dropped.add(headers[drop]);
            layout = shown.size() == 1 ? forced(shown, width) : fit(shown, width);
        }
        StringBuilder out = new StringBuilder(layout.draw());
        if (!dropped.isEmpty()) {
            out.append('\n').append(wrap("(not shown at " + width + " columns: " + String.join(", ", dropped)
                    + "; a wider terminal, --format csv or --format json shows every column)", width));
        }
        return out.toString();
    }

    /** Words on lines of at most {@code width} terminal columns. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (String word : text.split(" ")) {
            int w = TerminalText.width(word);
            if (used > 0 && used + 1 + w > width) {
                out.append('\n');
                used = 0;
            } else if (used > 0) {
                out.append(' ');
                used++;
            }
            out.append(word);
            used += w;
        }
        return out.toString();
    }

    private int nextToDrop(List<Integer> shown) {
        for (String name : view.dropFirst()) {
            int index = view.columns().indexOf(name);
            if (shown.contains(index)) {
                return index;
            }
        }
        return shown.get(shown.size() - 1);
    }

    /** The layout of these columns within the width, or null when they cannot fit. */
    private Layout fit(List<Integer> shown, int width) {
        Layout layout = new Layout(shown);
        if (width <= 0 || layout.total() <= width) {
            return layout;
        }
        List<Integer> byGain = new ArrayList<>(shown);
        byGain.sort(Comparator.comparingInt((Integer i) -> layout.width[i] - layout.twoLineWidth(i)).reversed());
        for (int i : byGain) {
            if (layout.twoLineWidth(i) < layout.width[i]) {
                layout.split[i] = true;
                layout.width[i] = layout.twoLineWidth(i);
                if (layout.total() <= width) {
                    return layout;
                }
            }
        }
        while (layout.total() > width) {
            int widest = shown.stream().filter(i -> cuttable[i] && layout.width[i] > layout.minimum(i))
                    .max(Comparator.comparingInt(i -> layout.width[i])).orElse(-1);
            if (widest < 0) {
                return null;
            }
            layout.width[widest]--;
        }
        return layout;
    }

    /** The first column alone, cut to the width: what is left when nothing else fits. */
    private Layout forced(List<Integer> shown, int width) {
        Layout layout = new Layout(shown);
        int only = shown.get(0);
        layout.width[only] = Math.max(1, Math.min(layout.width[only], width));
        return layout;
    }

    /** Column widths and header splits for a set of columns. */
    private final class Layout {
        private final List<Integer> shown;
        private final int[] width = new int[headers.length];
        private final boolean[] split = new boolean[headers.length];
        private final int[] cellWidth = new int[headers.length];

        Layout(List<Integer> shown) {
            this.shown = shown;
            for (int i : shown) {
                int column = i;
                cellWidth[i] = cells.stream().mapToInt(row -> TerminalText.width(row[column])).max().orElse(0);
                width[i] = Math.max(cellWidth[i], TerminalText.width(headers[i]));
            }
        }

        int total() {
            return shown.stream().mapToInt(i -> width[i]).sum() + GAP * (shown.size() - 1);
        }

        /** The width with the header on two lines (cells unchanged). */
        int twoLineWidth(int i) {
            String[] lines = headerLines(i, true);
            return Math.max(cellWidth[i], Math.max(TerminalText.width(lines[0]), TerminalText.width(lines[1])));
        }

        int minimum(int i) {
            String[] lines = headerLines(i, split[i]);
            int header = Math.max(TerminalText.width(lines[0]), TerminalText.width(lines[1]));
            return Math.max(header, Math.min(cellWidth[i], MIN_TEXT));
        }

        /** The header as two lines, top first: split between the words that balance it best, or all on the bottom. */
        String[] headerLines(int i, boolean twoLines) {
            String header = headers[i];
            if (!twoLines || !header.contains(" ")) {
                return new String[] {"", header};
            }
            String[] best = {"", header};
            int bestWidth = Integer.MAX_VALUE;
            for (int at = header.indexOf(' '); at >= 0; at = header.indexOf(' ', at + 1)) {
                String top = header.substring(0, at);
                String bottom = header.substring(at + 1);
                int w = Math.max(TerminalText.width(top), TerminalText.width(bottom));
                if (w < bestWidth) {
                    bestWidth = w;
                    best = new String[] {top, bottom};
                }
            }
            return best;
        }

        String draw() {
            StringBuilder out = new StringBuilder();
            boolean twoLineHeader = shown.stream().anyMatch(i -> split[i]);
            if (twoLineHeader) {
                line(out, shown.stream().map(i -> headerLines(i, split[i])[0]).toList(), null);
            }
            line(out, shown.stream().map(i -> headerLines(i, split[i])[1]).toList(), null);
            line(out, shown.stream().map(i -> "-".repeat(width[i])).toList(), null);
            for (int r = 0; r < cells.size(); r++) {
                String[] row = cells.get(r);
                line(out, shown.stream().map(i -> row[i]).toList(), numeric.get(r));
            }
            return out.toString().stripTrailing();
        }

        private void line(StringBuilder out, List<String> texts, boolean[] rightAligned) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < shown.size(); k++) {
                int w = width[shown.get(k)];
                String text = TerminalText.truncate(texts.get(k), w);
                boolean right = rightAligned != null && rightAligned[shown.get(k)];
                line.append(right ? TerminalText.padLeft(text, w) : TerminalText.padRight(text, w));
                if (k < shown.size() - 1) {
                    line.append(" ".repeat(GAP));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
