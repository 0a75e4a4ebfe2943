package io.spock.metadata.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.RunState;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.ProjectConfig;
import io.spock.metadata.support.TestServices;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.spock.metadata.metrics.Exposition.value;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code enrich --metrics-textfile}: the exposition format, written at once, for node_exporter's textfile collector. */
class MetricsTextfileTest {

    @TempDir
    Path dir;

    private static PrometheusRegistry registryWithACounter() {
        PrometheusRegistry registry = new PrometheusRegistry();
        new YahooMetrics(registry).onRequest(io.spock.metadata.yahoo.YahooEndpoint.QUOTE_SUMMARY, "ok");
        return registry;
    }

    @Test
    void replacesTheFileAtOnceReadableByEveryoneAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("spock.prom");
        Files.writeString(file, "stale\n");
        PrometheusRegistry registry = registryWithACounter();

        MetricsTextfile.at(file.toString(), registry).write();

        assertThat(value(Exposition.parse(Files.readString(file)), "spock_yahoo_requests_total",
                Map.of("endpoint", "quoteSummary", "outcome", "ok"))).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void promtoolAcceptsTheFile() throws Exception {
        Path file = dir.resolve("spock.prom");
        try (Database db = TestStore.open(dir)) {
            TestStore.add(db, listing("NYS", "XOM", "010"));
            PrometheusRegistry registry = registryWithACounter();
            try (RunPublication run = TestMetrics.publisher(registry, db, Clock.systemUTC())
                    .begin(null, file.toString(), false)) {
                run.regionStarted("US", 1);
                run.advanced("US", 1);
                run.finished(RunState.COMPLETED);
            }
        }
        Path promtool = Stream.of(System.getenv("PATH").split(":")).map(p -> Path.of(p, "promtool"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (promtool == null) {
            TestServices.missing("promtool is not on the PATH", "Debian's prometheus package has it");
        }

        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.exitValue()).as(said).isZero();
        assertThat(Files.readString(file)).contains("spock_enrichment_last_success_timestamp_seconds",
                "spock_coverage_classified_ratio{region=\"US\"} 0.0");
    }

    @Test
    void aPathThatCannotBeTheTextfileIsRefusedBeforeTheRun() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        Files.createDirectory(dir.resolve("folder.prom"));

        assertThatThrownBy(() -> MetricsTextfile.at(dir.resolve("missing/spock.prom").toString(), registry))
                .isInstanceOf(UsageException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> MetricsTextfile.at(dir.resolve("spock.txt").toString(), registry))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("the name must end .prom (node_exporter's textfile collector reads only");
        assertThatThrownBy(() -> MetricsTextfile.at(dir.resolve("folder.prom").toString(), registry))
                .isInstanceOf(UsageException.class).hasMessageContaining("is a directory");
    }

    @Test
    void aTextfileThatCannotBeWrittenDuringTheRunLeavesTheRunAsItIs() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("textfiles"));
        try (Database db = TestStore.open(dir)) {
            RunPublication run = TestMetrics.publisher(new PrometheusRegistry(), db, Clock.systemUTC())
                    .begin(null, folder.resolve("spock.prom").toString(), false);
            Files.delete(folder);

            run.finished(RunState.COMPLETED);
            run.close();
        }

        assertThat(folder).doesNotExist();
    }

    @Test
    void enrichWritesTheTextfileAndRefusesOneItCannotWrite() throws IOException {
        ProjectConfig.copyTo(dir);
        CliRun cli = new CliRun(dir).yahooUnreachable().property("spock.demo", "false");
        Path file = dir.resolve("spock.prom");

        CliRun.Result written = cli.run("enrich", "--regions", "VN", "--metrics-textfile", file.toString());
        CliRun.Result missing = cli.run("enrich", "--metrics-textfile", dir.resolve("no/spock.prom").toString());
        CliRun.Result dryRun = cli.run("enrich", "--dry-run", "--metrics-textfile", file.toString());

        assertThat(written.exitCode()).as(written.err()).isEqualTo(ExitCodes.OK);
        assertThat(value(Exposition.parse(Files.readString(file)), "spock_enrichment_regions_processed_total",
                Map.of("region", "VN", "status", "COMPLETED"))).isEqualTo(1);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.errors()).startsWith("error: --metrics-textfile ").contains("does not exist");
        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dryRun.errors()).isEqualTo("error: --metrics-textfile: a dry run publishes no metrics");
    }
}
