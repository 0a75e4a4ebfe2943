package io.spock.metadata.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reference material beside the project ({@code ../shared}; CI clones the project next to it), or where
 * {@code SPOCK_SHARED_DIR} (system property or environment) says. Tests that need it skip without it.
 */
public final class SharedReference {

    private SharedReference() {
    }

    public static Optional<String> configured() {
        return Optional.ofNullable(System.getProperty("SPOCK_SHARED_DIR"))
                .or(() -> Optional.ofNullable(System.getenv("SPOCK_SHARED_DIR")));
    }

    /** The folder holding KIS's nine real master files, when present. */
    public static Optional<Path> kisMasterDir() {
        Stream<Path> candidates = configured().isPresent()
                ? Stream.of(Path.of(configured().get()))
                : Stream.of(Path.of("..", "shared"), Path.of("/work/shared"));
        return candidates.map(shared -> shared.resolve("reference").resolve("kis-master"))
                .filter(dir -> Files.isRegularFile(dir.resolve("nasmst.cod.zip")))
                .findFirst();
    }

    /** The master-file folder, or the calling test is skipped with a message saying where it looked. */
    public static Path requireKisMasterDir() {
        Optional<Path> found = kisMasterDir();
        Assumptions.assumeTrue(found.isPresent(), "KIS master files not found at " + whereLooked() + ": skipped");
        return found.get();
    }

    public static String whereLooked() {
        return configured().orElse("../shared or /work/shared") + "/reference/kis-master";
    }
}
