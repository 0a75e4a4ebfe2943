package io.spock.metadata.render;

import java.util.Locale;
import java.util.Map;

/** A horizontal bar chart in plain text, one labelled bar per entry, scaled to the largest count. */
public final class BarChart {

    private static final int WIDTH = 40;
    private static final int MIN_WIDTH = 10;
    /** Room after the bar for " 12345 (100.0%)". */
    private static final int COUNT_WIDTH = 16;

    private BarChart() {
    }

    public static String render(String title, Map<String, Integer> counts) {
        return render(title, counts, 0);
    }

    /** @param width terminal columns available; 0 or less means no limit (bars up to {@value #WIDTH} long) */
    public static String render(String title, Map<String, Integer> counts, int width) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int labelWidth = counts.keySet().stream().map(TerminalText::clean).mapToInt(TerminalText::width).max()
                .orElse(0);
        int barWidth = width <= 0 ? WIDTH : Math.max(MIN_WIDTH, Math.min(WIDTH, width - labelWidth - 4 - COUNT_WIDTH));
        StringBuilder out = new StringBuilder(TerminalText.clean(title)).append('\n');
        counts.forEach((label, count) -> {
            int length = max == 0 ? 0 : (int) Math.round((double) barWidth * count / max);
            out.append("  ").append(TerminalText.padRight(TerminalText.clean(label), labelWidth))
                    .append("  ").append("█".repeat(Math.max(length, count > 0 ? 1 : 0)))
                    .append(' ').append(count)
                    .append(String.format(Locale.ROOT, " (%.1f%%)", total == 0 ? 0.0 : 100.0 * count / total))
                    .append('\n');
        });
        return out.toString().stripTrailing();
    }
}
