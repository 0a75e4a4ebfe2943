package io.spock.metadata.render;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.Messages;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.UsageException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes command output to a file: never half a file, never over a file without {@code --force}, never over what
 * is not a file.
 * <ul>
 *   <li>A regular file (new, or replaced with {@code --force}) is written to a temporary file beside it that is
 *       renamed over it, so readers see the old file or the new one; a replaced file keeps its permissions, and a
 *       symbolic link's target is replaced, not the link. On any failure the temporary file is removed, so a full
 *       disk stays no fuller than it was.</li>
 *   <li>A character device or a pipe ({@code /dev/null}, {@code /dev/stdout}, a FIFO) is written in place, as a
 *       shell redirection would; it is never replaced by a file (running as root, renaming over {@code /dev/null}
 *       would turn it into one). It needs no {@code --force}: nothing is overwritten.</li>
 *   <li>A directory is refused (exit 2); so are block devices and sockets.</li>
 *   <li>A write error, such as a full disk or {@code /dev/full}, is one line with exit 1, and nothing is reported
 *       written.</li>
 * </ul>
 */
public final class OutputFile {

    /** Writes the content to an open writer; may throw to abandon the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** What a path names before anything is written there. */
    public enum Target {
        /** Nothing yet: a new regular file. */
        NEW,
        REGULAR,
        /** A character device or a pipe: written in place. */
        STREAM,
        DIRECTORY,
        /** A block device, a socket or anything else: refused. */
        OTHER
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    private OutputFile() {
    }

    /** Writes text, ending it with a newline; see the class comment. */
    public static String write(String file, String content, boolean force) {
        return write(file, out -> out.write(content.endsWith("\n") ? content : content + "\n"), force);
    }

    /**
     * Writes the content to {@code file}; see the class comment.
     *
     * @return "wrote PATH", for the command's output
     * @throws UsageException (exit 2) for a directory, a missing folder, a block device or socket, or an existing
     *                        file without {@code force}
     * @throws SpockException (exit 1) when writing fails, with nothing left behind
     */
    public static String write(String file, Content content, boolean force) {
        Path path = Path.of(file).toAbsolutePath();
        switch (target(path)) {
            case DIRECTORY -> throw new UsageException("cannot write " + file + ": it is a directory; give a file name");
            case OTHER -> throw new UsageException("cannot write " + file
                    + ": it is neither a file nor a character device or pipe");
            case STREAM -> writeInPlace(file, path, content);
            case REGULAR -> {
                if (!force) {
                    throw new UsageException(file + " already exists: add --force to overwrite it");
                }
                replace(file, realPath(file, path), content);
            }
            case NEW -> {
                if (!Files.isDirectory(path.getParent())) {
                    throw new UsageException("cannot write " + file + ": directory " + path.getParent()
                            + " does not exist");
                }
                replace(file, path, content);
            }
        }
        return "wrote " + path;
    }

    /** What {@code path} names now, following symbolic links. */
    public static Target target(Path path) {
        if (!Files.exists(path)) {
            return Target.NEW;
        }
        if (Files.isDirectory(path)) {
            return Target.DIRECTORY;
        }
        if (Files.isRegularFile(path)) {
            return Target.REGULAR;
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & S_IFMT;
            return type == S_IFCHR || type == S_IFIFO ? Target.STREAM : Target.OTHER;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Target.OTHER;
        }
    }

    private static void writeInPlace(String file, Path path, Content content) {
        try (OutputStream stream = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
            writeAll(stream, content);
        } catch (IOException e) {
            throw writeFailed(file, e, "");
        }
    }

    /**
     * Writes through a writer but closes the stream itself: a writer whose last flush fails (a full disk) does not
     * close what it wraps, and the open descriptor would keep a deleted temporary file's space taken.
     */
    private static void writeAll(OutputStream stream, Content content) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        content.writeTo(out);
        out.flush();
    }

    private static void replace(String file, Path path, Content content) {
        Path temp = null;
        boolean moved = false;
        try {
            temp = Files.createTempFile(path.getParent(), ".spock-", ".tmp");
            try (OutputStream stream = Files.newOutputStream(temp)) {
                writeAll(stream, content);
            }
            keepPermissions(path, temp);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } catch (IOException e) {
            throw writeFailed(file, e, "; nothing written");
        } finally {
            if (temp != null && !moved) {
                deleteQuietly(temp);
            }
        }
    }

    private static Path realPath(String file, Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw writeFailed(file, e, "");
        }
    }

    /** A replaced file keeps its permissions instead of taking the temporary file's owner-only ones. */
    private static void keepPermissions(Path original, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        if (view != null && Files.exists(original)) {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            Files.setPosixFilePermissions(temp, permissions);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; that failure is the one to report
        }
    }

    private static SpockException writeFailed(String file, IOException e, String outcome) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = Messages.of(e);
        }
        return new SpockException(ExitCodes.ERROR, "cannot write " + file + ": " + reason + outcome, e);
    }
}
