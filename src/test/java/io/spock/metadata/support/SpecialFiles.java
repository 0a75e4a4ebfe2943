package io.spock.metadata.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Device nodes, FIFOs and small file systems of the test's own, in its temporary folder: tests never point output at
 * the machine's real {@code /dev/null} (running as root, a broken build would replace it for everyone). What needs
 * root or mount rights is skipped with a message where they are missing.
 */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A character device node like {@code /dev/null} (1, 3) or {@code /dev/full} (1, 7). */
    public static Path characterDevice(Path path, int major, int minor) {
        requireSuccess("mknod needs root", "mknod", path.toString(), "c", String.valueOf(major),
                String.valueOf(minor));
        return path;
    }

    /** A block device node of a major number reserved for local use, with no driver behind it. */
    public static Path blockDevice(Path path) {
        requireSuccess("mknod needs root", "mknod", path.toString(), "b", "240", "240");
        return path;
    }

    public static Path fifo(Path path) {
        requireSuccess("mkfifo is missing", "mkfifo", path.toString());
        return path;
    }

    /** Mounts a tmpfs of {@code kilobytes} on {@code dir}; close unmounts it (lazily, should a file still be open). */
    public static AutoCloseable tinyFileSystem(Path dir, int kilobytes) {
        requireSuccess("mounting a tmpfs needs root", "mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs",
                dir.toString());
        return () -> run("umount", "-l", dir.toString());
    }

    /** Remounts a file system mounted by {@link #tinyFileSystem} read-only. */
    public static void readOnly(Path dir) {
        requireSuccess("remounting needs root", "mount", "-o", "remount,ro", dir.toString());
    }

    private static void requireSuccess(String why, String... command) {
        Assumptions.assumeTrue(run(command) == 0, "skipped: " + why + " (" + String.join(" ", command) + ")");
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
