package io.spock.metadata.report;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.DisplayLanguage;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.SectorNames;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.enrich.TickerProblem;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import io.spock.metadata.support.SpecialFiles;
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

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final SectorNames ENGLISH = new SectorNames(GICS, DisplayLanguage.EN, false);

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
    void aPipeOrDeviceGetsTheTextAloneAndNothingIsCreatedBesideIt() {
        Path pipe = SpecialFiles.fifo(dir.resolve("report-pipe"));

        ReportFiles files = ReportFiles.of(pipe.toString());

        assertThat(files.text()).isEqualTo(pipe);
        assertThat(files.jsonFile()).isEmpty();
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
        RunReport report = new RunReport(run(us), 20.0, Map.of(), ENGLISH);

        assertThat(report.text()).contains("Enrichment run 7: COMPLETED (incremental)")
                .contains("T199  DEFERRED  Yahoo Finance unreachable").doesNotContain("T200 ")
                .contains("and 50 more");
        assertThat(report.json()).contains("\"T249\"").contains("\"region_retries\" : 1")
                .contains("\"yahoo_rate_achieved\" : 25.4").contains("\"yahoo_rate_limit\" : 20.0");
    }

    @Test
    void theTextNamesTheSectorsTheRunMovedTickersIntoInTheDisplayLanguage() {
        RunReport report = new RunReport(run(quietRegion()), 20.0, Map.of("45", 31, "10", 4),
                new SectorNames(GICS, DisplayLanguage.JA, true));

        assertThat(report.text()).contains("tickers moved into each sector by this run")
                .containsSubsequence("10 エネルギー", "4", "45 情報技術", "31");
        assertThat(report.json()).contains("\"sector_code\" : \"10\"").contains("\"sector_en\" : \"Energy\"")
                .contains("\"sector_name\" : \"エネルギー\"").contains("\"tickers\" : 31");
    }

    @Test
    void theJsonAddsSectorNamesOnlyWhenLangChoseALanguage() {
        RunReport bySetting = new RunReport(run(quietRegion()), 20.0, Map.of("45", 3),
                new SectorNames(GICS, DisplayLanguage.VI, false));

        assertThat(bySetting.text()).contains("45 Công nghệ thông tin");
        assertThat(bySetting.json()).contains("\"sector_en\" : \"Information Technology\"")
                .doesNotContain("sector_name").doesNotContain("Công nghệ");
        assertThat(new RunReport(run(quietRegion()), 20.0, Map.of(), ENGLISH).text())
                .doesNotContain("tickers moved into each sector");
    }

    private static RegionSummary quietRegion() {
        return new RegionSummary("US", RunState.COMPLETED, 10, 10, Map.of(Source.KIS, 10), 0, 0, 0, 0, 0, 0, 0, 0,
                Duration.ofSeconds(1), null, List.of());
    }

    private static EnrichReport run(RegionSummary region) {
        return new EnrichReport(7, RunState.COMPLETED, EnrichMode.INCREMENTAL, List.of(region), List.of(),
                Instant.parse("2025-10-01T02:30:00Z"), Duration.ofSeconds(12), 1, false);
    }
}
