package io.spock.metadata.classify;

import io.spock.metadata.app.UsageException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Writes small mapping files line by line (so line numbers are obvious) and checks the operator's error message. */
final class MappingFiles {

    private MappingFiles() {
    }

    /** The lines are numbered from 1 in the order given. */
    static Path write(Path dir, String name, String... lines) {
        return write(dir, name, StandardCharsets.UTF_8, lines);
    }

    static Path write(Path dir, String name, Charset charset, String... lines) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Asserts the call fails with a one-line {@link MappingFileException} (a usage error) that names the file and
     * the given line; returns the message for further checks.
     */
    static String assertFileError(ThrowingCallable call, Path file, int line) {
        String message = assertFileError(call, file);
        assertThat(message).contains(file.getFileName() + " line " + line + ":");
        return message;
    }

    /** As above, for complaints that concern the whole file rather than one line. */
    static String assertFileError(ThrowingCallable call, Path file) {
        MappingFileException e = catchThrowableOfType(MappingFileException.class, call);
        assertThat(e).as("expected a MappingFileException").isNotNull().isInstanceOf(UsageException.class);
        assertThat(e.getMessage())
                .contains(file.getFileName().toString())
                .doesNotContain("\n", "\r");
        return e.getMessage();
    }
}
