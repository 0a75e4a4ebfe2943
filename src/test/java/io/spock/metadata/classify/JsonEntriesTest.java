package io.spock.metadata.classify;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.spock.metadata.classify.MappingFiles.assertFileError;
import static io.spock.metadata.classify.MappingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class JsonEntriesTest {

    @TempDir
    Path dir;

    @Test
    void remembersTheLineEachEntryStartsOn() {
        Path file = write(dir, "entries.json",
                "{",
                "  \"other\": [{\"x\": 1},",
                "             {\"x\": 2}],",
                "  \"items\": [",
                "    {\"name\": \"a\"},",
                "",
                "    {",
                "      \"name\": \"b\"",
                "    },",
                "    \"c\"",
                "  ],",
                "  \"after\": {\"items\": []}",
                "}");
        List<JsonEntries.Entry> entries = JsonEntries.read(file, "items");
        assertThat(entries).extracting(JsonEntries.Entry::line).containsExactly(5, 7, 10);
        assertThat(entries.get(1).node().path("name").asText()).isEqualTo("b");
        assertThat(entries.get(2).node()).isEqualTo(TextNode.valueOf("c"));
    }

    @Test
    void textIsTrimmedAndAMissingOrBlankFieldNamesTheEntryLine() {
        Path file = write(dir, "entries.json", "{\"items\": [", "  {\"name\": \"  a  \", \"blank\": \" \"}", "]}");
        JsonEntries.Entry entry = JsonEntries.read(file, "items").get(0);
        assertThat(JsonEntries.text(file, entry, "name")).isEqualTo("a");
        assertThat(assertFileError(() -> JsonEntries.text(file, entry, "blank"), file, 2)).contains("missing \"blank\"");
        assertThat(assertFileError(() -> JsonEntries.text(file, entry, "absent"), file, 2))
                .contains("missing \"absent\"");
    }

    @Test
    void invalidJsonInsideAnEntryNamesItsLine() {
        Path file = write(dir, "entries.json", "{\"items\": [", "  {\"name\": \"a\"},", "  {\"name\": tru}", "]}");
        assertThat(assertFileError(() -> JsonEntries.read(file, "items"), file, 3)).contains("invalid JSON");
    }

    @Test
    void invalidJsonAfterTheArrayIsStillReported() {
        Path file = write(dir, "entries.json", "{\"items\": [],", "  \"note\": oops", "}");
        assertThat(assertFileError(() -> JsonEntries.read(file, "items"), file, 2)).contains("invalid JSON");
    }
}
