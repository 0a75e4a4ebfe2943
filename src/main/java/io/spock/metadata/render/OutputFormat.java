package io.spock.metadata.render;

import io.spock.metadata.app.UsageException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The output formats every command offers. */
public enum OutputFormat {
    TABLE, CSV, JSON;

    public static OutputFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("unknown format '" + text + "': choose table, csv or json"));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }
}
