package io.spock.metadata.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link TableView} as an aligned text table, CSV (Commons CSV) or JSON (Jackson). */
public final class Renderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Renderer() {
    }

    public static String render(TableView view, OutputFormat format) {
        return switch (format) {
            case TABLE -> table(view);
            case CSV -> csv(view);
            case JSON -> json(records(view));
        };
    }

    /** Any value (records, maps, lists) as indented JSON. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Map<String, Object>> records(TableView view) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (List<Object> row : view.rows()) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < view.columns().size(); i++) {
                record.put(view.columns().get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    private static String table(TableView view) {
        int columns = view.columns().size();
        int[] widths = new int[columns];
        List<String[]> cells = new ArrayList<>();
        String[] header = view.columns().stream().map(c -> c.replace('_', ' ')).toArray(String[]::new);
        cells.add(header);
        view.rows().forEach(row -> cells.add(row.stream().map(Renderer::text).toArray(String[]::new)));
        for (String[] line : cells) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], displayWidth(line[i]));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] line = cells.get(r);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                boolean numeric = r > 0 && view.rows().get(r - 1).get(i) instanceof Number;
                String pad = " ".repeat(widths[i] - displayWidth(line[i]));
                text.append(numeric ? pad + line[i] : line[i] + pad).append("  ");
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (r == 0) {
                for (int i = 0; i < columns; i++) {
                    out.append("-".repeat(widths[i])).append(i < columns - 1 ? "  " : "");
                }
                out.append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private static String csv(TableView view) {
        StringWriter writer = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader(view.columns().toArray(String[]::new)).get().print(writer)) {
            for (List<Object> row : view.rows()) {
                printer.printRecord(row.stream().map(Renderer::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString().stripTrailing();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime time) {
            return TIME.format(time);
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return value.toString();
    }

    /** Korean and Chinese characters take two terminal columns. */
    public static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
