package io.spock.metadata.report;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.enrich.TickerProblem;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreInTheLogsFolder() {
        ReportFiles files = ReportFiles.defaults(dir);

        assertThat(files.text()).isEqualTo(dir.resolve("enrichment_report.txt"));
        assertThat(files.json()).isEqualTo(dir.resolve("enrichment_report.json"));
    }

    @Test
    void aJsonFileGetsTheJsonAndTheTextBesideIt() {
        ReportFiles files = ReportFiles.of(dir.resolve("nightly.json").toString());

        assertThat(files.json()).isEqualTo(dir.resolve("nightly.json"));
        assertThat(files.text()).isEqualTo(dir.resolve("nightly.txt"));
    }

    @Test
    void anyOtherFileGetsTheTextAndTheJsonBesideIt() {
        assertThat(ReportFiles.of(dir.resolve("nightly.txt").toString()).json()).isEqualTo(dir.resolve("nightly.json"));
        assertThat(ReportFiles.of(dir.resolve("nightly").toString()).json()).isEqualTo(dir.resolve("nightly.json"));
        assertThat(ReportFiles.of(dir.resolve("nightly").toString()).text()).isEqualTo(dir.resolve("nightly"));
    }

    @Test
    void aMissingFolderOrAFolderIsAUsageError() {
        assertThatThrownBy(() -> ReportFiles.of(dir.resolve("missing/r.txt").toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ReportFiles.of(dir.toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("is a directory");
    }

    @Test
    void theTextListsProblemsUpToALimitAndTheJsonListsThemAll() {
        List<TickerProblem> problems = IntStream.range(0, 250)
                .mapToObj(i -> new TickerProblem("T" + i, "DEFERRED", "Yahoo Finance unreachable")).toList();
        RegionSummary us = new RegionSummary("US", RunState.COMPLETED, 300, 50, Map.of(Source.KIS, 50), 0, 0, 0, 250,
                0, 4, 1, 254, Duration.ofSeconds(10), null, problems);
        RunReport report = new RunReport(new EnrichReport(7, RunState.COMPLETED, EnrichMode.INCREMENTAL, List.of(us),
                List.of(), Instant.parse("2025-10-01T02:30:00Z"), Duration.ofSeconds(12), 1, false), 20.0);

        assertThat(report.text()).contains("Enrichment run 7: COMPLETED (incremental)")
                .contains("T199  DEFERRED  Yahoo Finance unreachable").doesNotContain("T200 ")
                .contains("and 50 more");
        assertThat(report.json()).contains("\"T249\"").contains("\"region_retries\" : 1")
                .contains("\"yahoo_rate_achieved\" : 25.4").contains("\"yahoo_rate_limit\" : 20.0");
    }
}
