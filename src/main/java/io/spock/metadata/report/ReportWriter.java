package io.spock.metadata.report;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.render.OutputFile;

import java.io.IOException;
import java.nio.file.Files;

/** Writes a run's report files, each whole or not at all (see {@link OutputFile}). */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static void write(RunReport report, ReportFiles files) {
        if (files.json() != null) {
            try {
                Files.createDirectories(files.text().getParent());
            } catch (IOException e) {
                throw new SpockException(ExitCodes.ERROR, "cannot create " + files.text().getParent() + ": "
                        + e.getMessage(), e);
            }
        }
        OutputFile.write(files.text().toString(), report.text(), true);
        files.jsonFile().ifPresent(json -> OutputFile.write(json.toString(), report.json(), true));
    }
}
