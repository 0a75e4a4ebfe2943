package io.spock.metadata.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cache folder of bulk lists, beside the database ({@code db/cache/} by default): per list the last good copy
 * ({@code <name>.data}) and its {@link ListMeta} ({@code <name>.meta.json}). Every write goes to a temporary file
 * in the same folder and is renamed over the old one, so a crash leaves the old copy or the new one, never half.
 */
public final class ListCache {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;

    public ListCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The metadata of a list; {@link ListMeta#none} when the list was never fetched or its file is unreadable. */
    public ListMeta meta(String name, String url) {
        Path file = dir.resolve(checked(name) + ".meta.json");
        if (!Files.isRegularFile(file)) {
            return ListMeta.none(url);
        }
        try {
            return JSON.readValue(file.toFile(), ListMeta.class);
        } catch (IOException e) {
            return ListMeta.none(url);
        }
    }

    /** The kept copy, if there is one. */
    public Optional<byte[]> copy(String name) {
        Path file = dir.resolve(checked(name) + ".data");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the kept copy and its metadata.
     *
     * @throws UncheckedIOException when the folder cannot be written (the old copy stays)
     */
    public void keep(String name, byte[] data, ListMeta meta) {
        writeAtomically(dir.resolve(checked(name) + ".data"), data);
        note(name, meta);
    }

    /** Replaces the metadata only (a 304, or a refresh that failed). */
    public void note(String name, ListMeta meta) {
        try {
            writeAtomically(dir.resolve(checked(name) + ".meta.json"), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metadata of " + name + " in " + dir, e);
        }
    }

    /**
     * Writes {@code data} to {@code target} through a temporary file in the same folder and a rename; the temporary
     * file is removed when anything fails.
     *
     * @throws UncheckedIOException when the folder cannot be created or written
     */
    public static void writeAtomically(Path target, byte[] data) {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(temp, data);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that is the error to report
                }
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a list name: " + name);
        }
        return name;
    }
}
