package io.spock.metadata.reliability;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.render.OutputFile;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.ProjectConfig;
import io.spock.metadata.support.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Output paths that are not plain new files: device nodes, FIFOs, directories, a full disk, a write that fails half
 * way. A device or pipe is written in place and stays what it was; a failed write is one line with exit 1, claims
 * nothing and leaves no temporary file. The devices are the test's own nodes in its temporary folder, never the
 * machine's {@code /dev/null}.
 */
@Timeout(120)
class OutputTargetsTest {

    /** Where the outputs go. */
    @TempDir
    Path home;

    /** The CLI's own home (config, logs, database), apart from the output paths. */
    @TempDir
    Path cliHome;

    private CliRun cli() {
        if (!Files.isDirectory(cliHome.resolve("config"))) {
            ProjectConfig.copyTo(cliHome);
        }
        return new CliRun(cliHome).yahooUnreachable();
    }

    private static String names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return String.join(",", files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void enrichWithTheReportOnANullDeviceWritesNoReportAndLeavesTheDeviceADevice() throws IOException {
        Path out = Files.createDirectories(home.resolve("dev"));
        Path nullDevice = SpecialFiles.characterDevice(out.resolve("null"), 1, 3);

        CliRun.Result result = cli().run("enrich", "--regions", "VN", "--report", nullDevice.toString());

        assertThat(result.exitCode()).as(result.err()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
        assertThat(OutputFile.target(nullDevice)).isEqualTo(OutputFile.Target.STREAM);
        assertThat(names(out)).isEqualTo("null");
    }

    @Test
    void exportToAFullDeviceIsOneLineExitOneAndClaimsNothing() throws IOException {
        Path full = SpecialFiles.characterDevice(home.resolve("full"), 1, 7);

        CliRun.Result result = cli().run("export-csv", full.toString(), "--force");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).isEqualTo("error: cannot write " + full + ": No space left on device");
        assertThat(result.out()).doesNotContain("wrote");
        assertThat(OutputFile.target(full)).isEqualTo(OutputFile.Target.STREAM);
    }

    @Test
    void exportToAFifoIsWrittenInPlaceWithoutForce() throws Exception {
        Path pipe = SpecialFiles.fifo(home.resolve("pipe"));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(pipe)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        CliRun.Result result = cli().run("export-csv", pipe.toString(), "--regions", "HK");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(reader.get(60, TimeUnit.SECONDS)).startsWith("region,exchange,ticker,").contains("\nHK,HKS,");
        assertThat(OutputFile.target(pipe)).isEqualTo(OutputFile.Target.STREAM);
    }

    @Test
    void aDirectoryOrABlockDeviceAsTheTargetIsAUsageError() {
        CliRun.Result directory = cli().run("export-csv", home.toString(), "--force");
        Path block = SpecialFiles.blockDevice(home.resolve("disk"));
        CliRun.Result device = cli().run("coverage-report", "--output", block.toString(), "--force");

        assertThat(directory.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(directory.errors()).isEqualTo("error: cannot write " + home + ": it is a directory; give a file name");
        assertThat(device.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(device.errors()).contains("neither a file nor a character device or pipe");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(home.resolve("coverage.csv"), "old\n");

        assertThatThrownBy(() -> OutputFile.write(file.toString(), out -> {
            out.write("new and partial");
            throw new IOException("No space left on device");
        }, true))
                .isInstanceOfSatisfying(SpockException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.ERROR))
                .hasMessage("cannot write " + file + ": No space left on device; nothing written");
        assertThat(Files.readString(file)).isEqualTo("old\n");
        assertThat(names(home)).isEqualTo("coverage.csv");
    }

    @Test
    void aFullDiskLeavesNoTemporaryFileSoTheNextWriteStillFits() throws Exception {
        Path disk = Files.createDirectories(home.resolve("disk"));
        try (AutoCloseable mounted = SpecialFiles.tinyFileSystem(disk, 64)) {
            Path file = Files.writeString(disk.resolve("universe.csv"), "old\n");

            CliRun.Result full = cli().run("export-csv", file.toString(), "--force");
            CliRun.Result small = cli().run("export-csv", disk.resolve("hk.csv").toString(), "--regions", "HK");

            assertThat(full.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(full.errors()).isEqualTo("error: cannot write " + file
                    + ": No space left on device; nothing written");
            assertThat(Files.readString(file)).isEqualTo("old\n");
            assertThat(small.exitCode()).as(small.err()).isZero();
            assertThat(names(disk)).isEqualTo("hk.csv,universe.csv");
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path file = Files.writeString(home.resolve("shared.csv"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OutputFile.write(file.toString(), "new", true);

        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }
}
