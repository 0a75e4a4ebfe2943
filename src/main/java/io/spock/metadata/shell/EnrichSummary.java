package io.spock.metadata.shell;

import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.Outcome;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.render.TerminalText;
import io.spock.metadata.report.ReportFiles;
import io.spock.metadata.report.RunReport;
import io.spock.metadata.store.ChangeQuery.SectorMoves;
import io.spock.metadata.store.RunState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code enrich} prints at the end: the per-region summary, the before → after table of a run over named
 * tickers, the run's line (id, state, time, sector changes, report), and one line per region that failed or was
 * skipped; or all of it as JSON.
 */
final class EnrichSummary {

    private EnrichSummary() {
    }

    /** @param moves the run's sector changes from the history, or null for a dry run (nothing written) */
    static String render(EnrichReport report, OutputFormat format, ReportFiles reportFiles, SectorMoves moves,
                         int width) {
        TableView summary = summaryView(report.regions());
        TableView changes = changesView(report.changes());
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("run_id", report.runId());
            json.put("status", report.status().name());
            json.put("dry_run", report.dryRun());
            json.put("duration_seconds", report.duration().toMillis() / 1000.0);
            json.put("regions", report.regions().stream().map(RunReport::regionJson).toList());
            if (reportFiles != null) {
                json.put("report", reportFiles.jsonFile().orElse(reportFiles.text()).toString());
            }
            if (moves != null) {
                json.put("changed_sector", moves.moved());
                json.put("first_classified", moves.firstClassified());
                json.put("changes_command", ChangesCommand.forRun(report.runId()));
            }
            if (!report.changes().isEmpty()) {
                json.put("changes", Renderer.records(changes));
            }
            return Renderer.json(json);
        }
        StringBuilder out = new StringBuilder();
        if (!report.changes().isEmpty()) {
            out.append(Renderer.render(changes, format, width)).append("\n\n");
        }
        out.append(Renderer.render(summary, format, width));
        if (format == OutputFormat.TABLE) {
            out.append("\n\n").append(report.dryRun() ? "dry run: nothing written" : "run " + report.runId())
                    .append(", ").append(report.status().name().toLowerCase()).append(" in ")
                    .append(String.format("%.1f s", report.duration().toMillis() / 1000.0));
            if (moves != null) {
                out.append("; ").append(ChangesCommand.sectorMovesLine(moves, report.runId()));
            }
            if (reportFiles != null) {
                out.append("; report in ").append(reportFiles.text());
            }
            report.regions().stream().filter(r -> r.error() != null && r.status() != RunState.INTERRUPTED)
                    .forEach(r -> out.append("\n").append(r.status() == RunState.SKIPPED ? ""
                                    : r.region() + " " + r.status().name().toLowerCase() + ": ")
                            .append(TerminalText.clean(r.error())));
        }
        return out.toString();
    }

    private static TableView summaryView(List<RegionSummary> regions) {
        List<String> sources = RunReport.sourceKeys(regions);
        List<String> headers = new ArrayList<>(List.of("region", "total", "enriched", "failed", "deferred"));
        headers.addAll(sources);
        headers.addAll(List.of("not_applicable", "disagreements", "success_rate", "retries", "seconds", "status"));
        TableView.Builder view = TableView.builder(headers.toArray(String[]::new));
        sources.forEach(view::dropFirst);
        view.dropFirst("not_applicable", "retries", "seconds");
        for (RegionSummary r : regions) {
            List<Object> row = new ArrayList<>(List.of(r.region(), r.total(), r.enriched(), r.failed(), r.deferred()));
            sources.forEach(key -> row.add(r.bySourceKeys().getOrDefault(key, 0)));
            row.addAll(Arrays.asList(r.notApplicable(), r.disagreements(), r.successRate(), r.allRetries(),
                    r.duration().toMillis() / 1000.0, r.status().name()));
            view.row(row.toArray());
        }
        return view.build();
    }

    private static TableView changesView(List<Outcome> outcomes) {
        TableView.Builder view = TableView.builder("region", "ticker", "before", "after", "source", "status", "note");
        for (Outcome o : outcomes) {
            String before = o.candidate().sectorCode() == null ? "-" : o.candidate().sectorCode();
            String after = o.sector() == null ? before : o.sector().code() + " " + o.sector().nameEn();
            view.row(o.candidate().region(), o.candidate().ticker(), before, after,
                    o.source() == null ? "-" : o.source().name(), o.status().name(), o.error() == null ? "" : o.error());
        }
        return view.build();
    }
}
