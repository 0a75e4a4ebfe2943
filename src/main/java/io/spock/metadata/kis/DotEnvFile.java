package io.spock.metadata.kis;

import io.spock.metadata.app.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file: {@code KEY=VALUE} lines, optionally prefixed with {@code export}, values optionally in single
 * or double quotes; blank lines and lines starting with {@code #} are ignored, and so are lines of other shapes, as
 * the file may also serve other tools. Values are never echoed in messages.
 */
final class DotEnvFile {

    private static final Pattern ENTRY =
            Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*$");

    private DotEnvFile() {
    }

    /** @return the entries, or none when the path is null or no file exists there */
    static Map<String, String> read(Path file) {
        Map<String, String> entries = new HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher entry = ENTRY.matcher(line);
                if (!line.stripLeading().startsWith("#") && entry.matches()) {
                    entries.put(entry.group(1), unquote(entry.group(2)));
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + OneLine.describe(e));
        }
        return entries;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        if (quoted) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment).trim();
    }
}
