package io.spock.metadata.render;

import java.util.Locale;
import java.util.Map;

/** A horizontal bar chart in plain text, one labelled bar per entry, scaled to the largest count. */
public final class BarChart {

    private static final int WIDTH = 40;

    private BarChart() {
    }

    public static String render(String title, Map<String, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int labelWidth = counts.keySet().stream().mapToInt(Renderer::displayWidth).max().orElse(0);
        StringBuilder out = new StringBuilder(title).append('\n');
        counts.forEach((label, count) -> {
            int length = max == 0 ? 0 : (int) Math.round((double) WIDTH * count / max);
            out.append("  ").append(label).append(" ".repeat(labelWidth - Renderer.displayWidth(label)))
                    .append("  ").append("█".repeat(Math.max(length, count > 0 ? 1 : 0)))
                    .append(' ').append(count)
                    .append(String.format(Locale.ROOT, " (%.1f%%)", total == 0 ? 0.0 : 100.0 * count / total))
                    .append('\n');
        });
        return out.toString().stripTrailing();
    }
}
