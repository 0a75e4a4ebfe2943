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

/** Renders a {@link TableView} as an aligned text table ({@link TextTable}), CSV (Commons CSV) or JSON (Jackson). */
public final class Renderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Renderer() {
    }

    /** The whole view: tables at full width, as a pipe or a file gets them. */
    public static String render(TableView view, OutputFormat format) {
        return render(view, format, 0);
    }

    /**
     * The view in a format; a table fits {@code width} terminal columns (0: no limit) and shows outside text with
     * its control characters made visible ({@link TerminalText}). CSV and JSON keep every column and the text as
     * it is.
     */
    public static String render(TableView view, OutputFormat format, int width) {
        return switch (format) {
            case TABLE -> TextTable.render(view, width);
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
}
