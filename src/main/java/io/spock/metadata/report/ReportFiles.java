package io.spock.metadata.report;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.render.OutputFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's report goes: a human text file and a JSON file beside it.
 * {@code --report FILE}: when FILE ends with {@code .json} it gets the JSON and the text goes to the same name
 * ending {@code .txt}; otherwise FILE gets the text and the JSON goes to the same name with its extension
 * replaced by {@code .json} ({@code run.txt} → {@code run.json}, {@code run} → {@code run.json}). A character device
 * or pipe ({@code /dev/null}, {@code /dev/stdout}) gets the text alone, written in place, and nothing is created
 * beside it: {@code --report /dev/null} means no report.
 *
 * @param json null when the report goes to a device or pipe
 */
public record ReportFiles(Path text, Path json) {

    static final String TEXT_NAME = "enrichment_report.txt";
    static final String JSON_NAME = "enrichment_report.json";

    /** {@code logs/enrichment_report.txt} and {@code logs/enrichment_report.json}. */
    public static ReportFiles defaults(Path logsDir) {
        return new ReportFiles(logsDir.resolve(TEXT_NAME), logsDir.resolve(JSON_NAME));
    }

    /** The files for {@code --report FILE}; refuses a folder, a missing parent folder or a block device (exit 2). */
    public static ReportFiles of(String file) {
        Path path = Path.of(file).toAbsolutePath();
        switch (OutputFile.target(path)) {
            case DIRECTORY -> throw new UsageException("--report " + file + " is a directory; give a file name");
            case OTHER -> throw new UsageException("--report " + file
                    + " is neither a file nor a character device or pipe");
            case STREAM -> {
                return new ReportFiles(path, null);
            }
            default -> {
                // a new or regular file, handled below
            }
        }
        if (path.getParent() == null || !Files.isDirectory(path.getParent())) {
            throw new UsageException("--report " + file + ": directory " + path.getParent() + " does not exist");
        }
        String name = path.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (name.endsWith(".json")) {
            return new ReportFiles(path.resolveSibling(base + ".txt"), path);
        }
        return new ReportFiles(path, path.resolveSibling(base + ".json"));
    }

    /** The JSON file, unless the report goes to a device or pipe. */
    public Optional<Path> jsonFile() {
        return Optional.ofNullable(json);
    }
}
