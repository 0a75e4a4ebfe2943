package io.spock.metadata.classify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the entries of one top-level array in an operator-edited JSON file, remembering the line each entry
 * starts on, so that every complaint about the file can name the line to fix.
 */
public final class JsonEntries {

    /** One array element and the line it starts on. */
    public record Entry(int line, JsonNode node) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonEntries() {
    }

    /**
     * The elements of the array {@code arrayField} of the file's top-level object, each with its line.
     *
     * @throws MappingFileException (exit 2) naming the file and line: missing file, invalid JSON, no such array
     */
    public static List<Entry> read(Path file, String arrayField) {
        if (!Files.isRegularFile(file)) {
            throw new MappingFileException(file + ": file not found");
        }
        try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MappingFileException(file + " line 1: expected a JSON object");
            }
            List<Entry> entries = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(arrayField)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new MappingFileException(file + " line " + parser.currentTokenLocation().getLineNr()
                                + ": \"" + arrayField + "\" must be an array [...]");
                    }
                    entries = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        int line = parser.currentTokenLocation().getLineNr();
                        entries.add(new Entry(line, MAPPER.readTree(parser)));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new MappingFileException(file + " line " + parser.currentTokenLocation().getLineNr()
                        + ": unexpected content after the closing }");
            }
            if (entries == null) {
                throw new MappingFileException(file + ": no \"" + arrayField + "\" array");
            }
            return entries;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MappingFileException(file + " line " + line + ": invalid JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new MappingFileException(file + ": file not found");
        } catch (IOException e) {
            throw new MappingFileException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** A required text field of an entry, or a one-line complaint naming the line. */
    public static String text(Path file, Entry entry, String field) {
        JsonNode value = entry.node().get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new MappingFileException(file + " line " + entry.line() + ": missing \"" + field + "\"");
        }
        return value.asText().trim();
    }
}
