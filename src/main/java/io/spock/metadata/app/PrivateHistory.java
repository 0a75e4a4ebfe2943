package io.spock.metadata.app;

import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

/**
 * The interactive shell's history ({@code logs/shell-history.log}), kept private: the file is readable and writable by
 * its owner only, and credential option values ({@code --password}, anything secret-like) and URL passwords are
 * masked before a line reaches the history, in memory or on disk ({@link Masking#commandLine(String)}), as OpenBB's
 * CLI does. Recalling such a line shows {@code ****} in place of the secret.
 */
public final class PrivateHistory extends DefaultHistory {

    private static final Logger log = LoggerFactory.getLogger(PrivateHistory.class);
    private static final Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    @Override
    public void attach(LineReader reader) {
        ownerOnly(file(reader));
        super.attach(reader);
    }

    @Override
    public void add(Instant time, String line) {
        super.add(time, Masking.commandLine(line));
    }

    /** Lines read back from the file, written before masking existed, are masked too. */
    @Override
    protected void addHistoryLine(Path path, String line, boolean checkDuplicates) {
        super.addHistoryLine(path, Masking.commandLine(line), checkDuplicates);
    }

    /** Creates the file owner-only before JLine first appends to it; takes group and world access off an old one. */
    static void ownerOnly(Path file) {
        if (file == null || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else if (Files.isRegularFile(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            log.warn("cannot make the shell history {} owner-only: {}", file, Messages.of(e));
        }
    }

    private static Path file(LineReader reader) {
        Object value = reader == null ? null : reader.getVariable(LineReader.HISTORY_FILE);
        if (value instanceof Path path) {
            return path;
        }
        return value == null ? null : Path.of(value.toString());
    }
}
