package io.spock.metadata.render;

import io.spock.metadata.classify.DisplayLanguage;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Text tables: aligned in terminal columns with wide characters, safe with control characters, fitted to a width. */
class TextTableTest {

    private static TableView statusLike() {
        TableView.Builder view = TableView.builder("region", "total", "classified", "kis", "yahoo", "manual",
                "not_applicable", "unclassified", "failed", "deferred", "stale", "last_run", "last_run_status")
                .dropFirst("kis", "yahoo", "manual", "not_applicable", "stale");
        for (String region : List.of("US", "CN", "HK", "JP", "VN")) {
            view.row(region, 245, 120, 80, 30, 10, 5, 120, 3, 7, 0, "2025-11-30 18:01:02", "INTERRUPTED");
        }
        return view.build();
    }

    /** Where each column starts, in terminal columns, found from the two-space gaps of a line. */
    private static List<Integer> columnStarts(String line, List<String> cells) {
        int at = 0;
        Integer[] starts = new Integer[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            int index = line.indexOf(cells.get(i), at);
            starts[i] = TerminalText.width(line.substring(0, index));
            at = index + cells.get(i).length();
        }
        return Arrays.asList(starts);
    }

    @Test
    void wideCharactersKeepTheColumnsAligned() {
        TableView view = TableView.builder("lang", "sector", "code")
                .row("en", "Information Technology", 45)
                .row("ko", "정보기술", 45)
                .row("zh", "信息技术", 45)
                .row("ja", "情報技術", 45)
                .build();

        List<String> lines = Renderer.render(view, OutputFormat.TABLE).lines().toList();

        List<Integer> english = columnStarts(lines.get(2), List.of("en", "Information Technology", "45"));
        assertThat(columnStarts(lines.get(3), List.of("ko", "정보기술", "45"))).isEqualTo(english);
        assertThat(columnStarts(lines.get(4), List.of("zh", "信息技术", "45"))).isEqualTo(english);
        assertThat(columnStarts(lines.get(5), List.of("ja", "情報技術", "45"))).isEqualTo(english);
        assertThat(TerminalText.width("정보기술")).isEqualTo(8);
    }

    @Test
    void sectorNamesOfEveryLanguageKeepTheColumnsAligned() {
        GicsTaxonomy gics = GicsTaxonomy.load();
        TableView.Builder view = TableView.builder("lang", "sector", "tickers");
        List<List<String>> rows = new ArrayList<>();
        for (GicsSector sector : gics.sectors()) {
            for (DisplayLanguage language : DisplayLanguage.values()) {
                String name = sector.code() + " " + gics.name(sector.code(), language).orElseThrow();
                rows.add(List.of(language.tag(), name, "1" + sector.code()));
            }
        }
        // Vietnamese as some keyboards send it: base letters and combining marks, zero columns wide
        String decomposed = Normalizer.normalize("40 Tài chính", Normalizer.Form.NFD);
        rows.add(List.of("vi-nfd", decomposed, "140"));
        rows.forEach(row -> view.row(row.toArray()));

        List<String> lines = Renderer.render(view.build(), OutputFormat.TABLE).lines().toList();

        List<Integer> first = columnStarts(lines.get(2), rows.get(0));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(columnStarts(lines.get(i + 2), rows.get(i))).as(lines.get(i + 2)).isEqualTo(first);
        }
        assertThat(TerminalText.width(decomposed)).isEqualTo("40 Tai chinh".length());
        assertThat(TerminalText.width("45 情報技術")).isEqualTo(11);
    }

    @Test
    void wideCharactersAreCutOnColumnBoundaries() {
        assertThat(TerminalText.truncate("信息技术信息技术", 7)).isEqualTo("信息技…");
        assertThat(TerminalText.width(TerminalText.truncate("信息技术信息技术", 7))).isLessThanOrEqualTo(7);
    }

    @Test
    void controlCharactersFromOutsideAreShownNotObeyed() {
        String hostile = "Evil\u001b[2J Corp\u0007\u009b31m\u007f";
        TableView view = TableView.builder("ticker", "name").row("EVIL", hostile).build();

        String table = Renderer.render(view, OutputFormat.TABLE);

        assertThat(table.chars().filter(TerminalText::isControl).filter(c -> c != '\n')).isEmpty();
        assertThat(table).contains("Evil^[[2J Corp^GM-^[31m^?");
        assertThat(TerminalText.clean("정보기술 信息技术 情報技術")).isEqualTo("정보기술 信息技术 情報技術");
        assertThat(TerminalText.clean("two\nlines\tand tab")).isEqualTo("two lines and tab");
    }

    @Test
    void csvAndJsonKeepTheTextAsReceived() {
        String hostile = "Evil\u001b[2J\u0007\u009b";
        TableView view = TableView.builder("ticker", "name").row("EVIL", hostile).build();

        assertThat(Renderer.render(view, OutputFormat.CSV)).contains(hostile);
        assertThat(Renderer.render(view, OutputFormat.JSON)).contains("\\u001B[2J").contains("\u009b");
    }

    @Test
    void at80ColumnsEveryLineFitsHeadersBreakBetweenWordsAndDroppedColumnsAreNamed() {
        String table = Renderer.render(statusLike(), OutputFormat.TABLE, 80);

        assertThat(table.lines()).allSatisfy(line -> assertThat(TerminalText.width(line)).isLessThanOrEqualTo(80));
        assertThat(table).contains("region").contains("unclassified").contains("deferred").contains("2025-11-30 18:01:02")
                .doesNotContain("nclassified\n").contains("not shown at 80 columns: kis");
        List<String> headerWords = table.lines().takeWhile(l -> !l.startsWith("-"))
                .flatMap(l -> Arrays.stream(l.trim().split("\\s+"))).toList();
        List<String> columnWords = statusLike().columns().stream().flatMap(c -> Arrays.stream(c.split("_"))).toList();
        assertThat(columnWords).containsAll(headerWords);
    }

    @Test
    void at160ColumnsTheWholeTableFitsOnOneHeaderLine() {
        String table = Renderer.render(statusLike(), OutputFormat.TABLE, 160);

        assertThat(table.lines()).allSatisfy(line -> assertThat(TerminalText.width(line)).isLessThanOrEqualTo(160));
        assertThat(table.lines().findFirst().orElseThrow()).contains("not applicable").contains("last run status");
        assertThat(table).doesNotContain("not shown");
    }

    @Test
    void withoutAWidthAPipeOrFileGetsTheWholeTable() {
        String table = Renderer.render(statusLike(), OutputFormat.TABLE);

        assertThat(table.lines().findFirst().orElseThrow()).contains("kis").contains("stale")
                .contains("last run status");
        assertThat(table).doesNotContain("not shown");
    }

    @Test
    void longTextIsCutBeforeAColumnIsDropped() {
        TableView view = TableView.builder("ticker", "name", "status")
                .row("AAPL", "Apple Inc. common stock with a very long descriptive name indeed", "CLASSIFIED")
                .build();

        String table = Renderer.render(view, OutputFormat.TABLE, 50);

        assertThat(table.lines()).allSatisfy(line -> assertThat(TerminalText.width(line)).isLessThanOrEqualTo(50));
        assertThat(table).contains("Apple Inc.").contains("…").contains("CLASSIFIED").doesNotContain("not shown");
    }

    @Test
    void barChartsFitTheWidth() {
        String chart = BarChart.render("US by sector", java.util.Map.of("45 Information Technology", 310,
                "25 Consumer Discretionary", 12), 80);

        assertThat(chart.lines()).allSatisfy(line -> assertThat(TerminalText.width(line)).isLessThanOrEqualTo(80));
    }
}
