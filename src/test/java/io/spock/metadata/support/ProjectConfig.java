package io.spock.metadata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The project's {@code config/} folder, copied into a test's home so that it runs with the shipped files. */
public final class ProjectConfig {

    private ProjectConfig() {
    }

    /** Copies every file of {@code config/} into {@code home/config}; returns that folder. */
    public static Path copyTo(Path home) {
        try {
            Path target = Files.createDirectories(home.resolve("config"));
            try (Stream<Path> files = Files.list(Path.of("config"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
