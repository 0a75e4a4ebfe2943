package io.spock.metadata.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.app.UsageException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A registry written as a file in the Prometheus text exposition format (the client's
 * {@link PrometheusTextFormatWriter}), for node_exporter's textfile collector. Each write goes to a temporary file
 * in the same folder that is then renamed over the file, so the collector never reads half a file; the file is
 * readable by everyone (rw-r--r--), as node_exporter usually runs as its own user.
 */
final class MetricsTextfile {

    static final String SUFFIX = ".prom";

    private final Path file;
    private final PrometheusRegistry registry;

    private MetricsTextfile(Path file, PrometheusRegistry registry) {
        this.file = file;
        this.registry = registry;
    }

    /**
     * @param path a file ending {@value #SUFFIX} (node_exporter reads no other) in an existing folder
     * @throws UsageException when the path is a folder, its folder does not exist, or it does not end .prom
     */
    static MetricsTextfile at(String path, PrometheusRegistry registry) {
        Path file = Path.of(path).toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new UsageException("--metrics-textfile " + path + " is a directory; give a file name ending "
                    + SUFFIX);
        }
        if (!file.getFileName().toString().endsWith(SUFFIX)) {
            throw new UsageException("--metrics-textfile " + path + ": the name must end " + SUFFIX
                    + " (node_exporter's textfile collector reads only *" + SUFFIX + " files)");
        }
        if (!Files.isDirectory(file.getParent())) {
            throw new UsageException("--metrics-textfile " + path + ": directory " + file.getParent()
                    + " does not exist");
        }
        return new MetricsTextfile(file, registry);
    }

    Path file() {
        return file;
    }

    /** Writes the registry's current figures, replacing the file at once. */
    void write() throws IOException {
        // the temporary name does not end .prom, so the collector never picks it up
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                PrometheusTextFormatWriter.create().write(out, registry.scrape());
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
