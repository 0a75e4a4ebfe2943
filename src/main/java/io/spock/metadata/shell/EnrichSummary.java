package io.spock.metadata.shell;

import io.spock.metadata.classify.SectorNames;
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

    /**
     * @param moves the run's sector changes from the history, or null for a dry run (nothing written)
     * @param names the table names sectors in their language; JSON keeps English labels and adds
     *              {@code sector_name} when {@code --lang} chose a language
     */
    static String render(EnrichReport report, OutputFormat format, ReportFiles reportFiles, SectorMoves moves,
                         int width, SectorNames names) {
        TableView summary = summaryView(report.regions());
        boolean json = format == OutputFormat.JSON;
        TableView changes = changesView(report.changes(), names.labels(!json),
                names.nameColumn(!json) ? names : null);
        if (json) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("run_id", report.runId());
            record.put("status", report.status().name());
            record.put("dry_run", report.dryRun());
            record.put("duration_seconds", report.duration().toMillis() / 1000.0);
            record.put("regions", report.regions().stream().map(RunReport::regionJson).toList());
            if (reportFiles != null) {
                record.put("report", reportFiles.jsonFile().orElse(reportFiles.text()).toString());
            }
            if (moves != null) {
                record.put("changed_sector", moves.moved());
                record.put("first_classified", moves.firstClassified());
                record.put("changes_command", ChangesCommand.forRun(report.runId()));
            }
            if (!report.changes().isEmpty()) {
                record.put("changes", Renderer.records(changes));
            }
            return Renderer.json(record);
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
        List<String> headers = new ArrayList<>(List.of("region", "total", "enriched", "not_found", "failed",
                "deferred"));
        headers.addAll(sources);
        headers.addAll(List.of("not_applicable", "disagreements", "success_rate", "retries", "seconds", "status"));
        TableView.Builder view = TableView.builder(headers.toArray(String[]::new));
        sources.forEach(view::dropFirst);
        view.dropFirst("not_applicable", "retries", "seconds");
        for (RegionSummary r : regions) {
            List<Object> row = new ArrayList<>(List.of(r.region(), r.total(), r.enriched(), r.notFound(), r.failed(),
                    r.deferred()));
            sources.forEach(key -> row.add(r.bySourceKeys().getOrDefault(key, 0)));
            row.addAll(Arrays.asList(r.notApplicable(), r.disagreements(), r.successRate(), r.allRetries(),
                    r.duration().toMillis() / 1000.0, r.status().name()));
            view.row(row.toArray());
        }
        return view.build();
    }

    /** @param sectorName the names of a last {@code sector_name} column (the sector after), or null for none */
    private static TableView changesView(List<Outcome> outcomes, SectorNames shown, SectorNames sectorName) {
        List<String> columns = new ArrayList<>(List.of("region", "ticker", "before", "after", "source", "status",
                "note"));
        if (sectorName != null) {
            columns.add("sector_name");
        }
        TableView.Builder view = TableView.builder(columns.toArray(String[]::new));
        for (Outcome o : outcomes) {
            String before = o.candidate().sectorCode() == null ? "-" : o.candidate().sectorCode();
            String after = o.sector() == null ? before : shown.label(o.sector().code());
            List<Object> row = new ArrayList<>(List.of(o.candidate().region(), o.candidate().ticker(), before, after,
                    o.source() == null ? "-" : o.source().name(), o.status().name(), o.error() == null ? "" : o.error()));
            if (sectorName != null) {
                row.add(o.sector() == null ? null : sectorName.name(o.sector().code()));
            }
            view.row(row.toArray());
        }
        return view.build();
    }
}
