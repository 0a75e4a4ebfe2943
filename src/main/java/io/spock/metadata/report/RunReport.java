package io.spock.metadata.report;

import io.spock.metadata.app.BuildVersion;
import io.spock.metadata.classify.SectorNames;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.enrich.TickerProblem;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The after-run report of a batch run, for people (text) and machines (JSON, with the version, commit and build time
 * of the build that ran it): per region totals, sources,
 * the failed and deferred tickers with their reasons, retries, durations and the Yahoo rate achieved; and per sector
 * how many tickers the run moved into it, named in the display language.
 */
public final class RunReport {

    /** Problem tickers listed per region in the text report; the JSON lists all of them. */
    static final int TEXT_PROBLEMS_PER_REGION = 200;

    private final EnrichReport report;
    private final double yahooRateLimit;
    private final Map<String, Integer> sectorsAssigned;
    private final SectorNames names;

    /**
     * @param yahooRateLimit  the configured requests per second, printed beside the rate achieved
     * @param sectorsAssigned per sector code, the tickers the run moved into it (first classifications included)
     * @param names           the text names sectors in their language; the JSON adds {@code sector_name} only when
     *                        {@code --lang} chose it
     */
    public RunReport(EnrichReport report, double yahooRateLimit, Map<String, Integer> sectorsAssigned,
                     SectorNames names) {
        this.report = report;
        this.yahooRateLimit = yahooRateLimit;
        this.sectorsAssigned = Map.copyOf(sectorsAssigned);
        this.names = names;
    }

    public String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", report.runId());
        json.put("status", report.status().name());
        json.put("spock", BuildVersion.current().json());
        json.put("mode", report.mode().name());
        json.put("started_at", report.startedAt().toString());
        json.put("duration_seconds", seconds(report.duration().toMillis()));
        json.put("regions_at_once", report.workers());
        json.put("yahoo_calls", report.yahooCalls());
        json.put("yahoo_rate_achieved", round(report.yahooRate()));
        json.put("yahoo_rate_limit", yahooRateLimit);
        json.put("incomplete", report.incomplete());
        json.put("regions", report.regions().stream().map(RunReport::regionJson).toList());
        json.put("sectors_assigned", sectorCodes().stream().map(code -> {
            Map<String, Object> sector = new LinkedHashMap<>();
            sector.put("sector_code", code);
            sector.put("sector_en", names.english().name(code));
            if (names.nameColumn(false)) {
                sector.put("sector_name", names.name(code));
            }
            sector.put("tickers", sectorsAssigned.get(code));
            return sector;
        }).toList());
        return Renderer.json(json);
    }

    private List<String> sectorCodes() {
        return sectorsAssigned.keySet().stream().sorted().toList();
    }

    /**
     * One region as JSON, the same in the report file and in {@code enrich --format json}: counts, per-source
     * counts under {@code classified_by_source} (keyed by the sources' lower-case names), rates, the problems.
     */
    public static Map<String, Object> regionJson(RegionSummary r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("region", r.region());
        json.put("status", r.status().name());
        json.put("total", r.total());
        json.put("enriched", r.enriched());
        json.put("classified_by_source", r.bySourceKeys());
        json.put("not_applicable", r.notApplicable());
        json.put("not_found", r.notFound());
        json.put("failed", r.failed());
        json.put("deferred", r.deferred());
        json.put("disagreements", r.disagreements());
        json.put("success_rate", r.successRate() == null ? null : round(r.successRate()));
        json.put("yahoo_calls", r.yahooCalls());
        json.put("yahoo_retries", r.retries());
        json.put("region_retries", r.regionRetries());
        json.put("duration_seconds", seconds(r.duration().toMillis()));
        json.put("yahoo_rate_achieved", round(r.yahooRate()));
        json.put("error", r.error());
        json.put("problems", r.problems().stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("ticker", p.ticker());
            problem.put("status", p.status());
            problem.put("error", p.error());
            return problem;
        }).toList());
        return json;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Enrichment run ").append(report.runId()).append(": ").append(report.status())
                .append(" (").append(report.mode().name().toLowerCase().replace('_', ' ')).append(")\n")
                .append("started ").append(report.startedAt()).append(", ")
                .append(seconds(report.duration().toMillis())).append(" s, ")
                .append(report.workers()).append(report.workers() == 1 ? " region" : " regions").append(" at once\n")
                .append("Yahoo: ").append(report.yahooCalls()).append(" calls, ")
                .append(String.format("%.2f", report.yahooRate())).append(" req/s achieved (limit ")
                .append(yahooRateLimit).append(" req/s)\n\n");
        List<String> sources = sourceKeys(report.regions());
        List<String> headers = new ArrayList<>(List.of("region", "status", "total", "enriched"));
        headers.addAll(sources);
        headers.addAll(List.of("not_applicable", "not_found", "failed", "deferred", "disagreements", "success_rate",
                "yahoo_calls", "yahoo_retries", "region_retries", "seconds", "req_per_s"));
        TableView.Builder table = TableView.builder(headers.toArray(String[]::new));
        for (RegionSummary r : report.regions()) {
            List<Object> row = new ArrayList<>(List.of(r.region(), r.status().name(), r.total(), r.enriched()));
            sources.forEach(key -> row.add(r.bySourceKeys().getOrDefault(key, 0)));
            row.addAll(Arrays.asList(r.notApplicable(), r.notFound(), r.failed(), r.deferred(), r.disagreements(),
                    r.successRate() == null ? null : round(r.successRate()), r.yahooCalls(), r.retries(),
                    r.regionRetries(), seconds(r.duration().toMillis()), round(r.yahooRate())));
            table.row(row.toArray());
        }
        out.append(Renderer.render(table.build(), OutputFormat.TABLE)).append('\n');
        if (!sectorsAssigned.isEmpty()) {
            TableView.Builder sectors = TableView.builder("sector", "tickers");
            sectorCodes().forEach(code -> sectors.row(names.label(code), sectorsAssigned.get(code)));
            out.append("\ntickers moved into each sector by this run\n")
                    .append(Renderer.render(sectors.build(), OutputFormat.TABLE)).append('\n');
        }
        for (RegionSummary r : report.regions()) {
            if (r.error() != null) {
                out.append('\n').append(r.region()).append(' ').append(r.status()).append(": ").append(r.error())
                        .append('\n');
            }
            problems(out, r.region(), r.problems());
        }
        return out.toString();
    }

    /** The sources of the summaries' per-source counts, in order of first appearance (the policy's order). */
    public static List<String> sourceKeys(List<RegionSummary> regions) {
        Set<String> keys = new LinkedHashSet<>();
        regions.forEach(r -> keys.addAll(r.bySourceKeys().keySet()));
        return List.copyOf(keys);
    }

    private static void problems(StringBuilder out, String region, List<TickerProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out.append('\n').append(region).append(": ").append(problems.size()).append(" not found, failed or deferred\n");
        problems.stream().limit(TEXT_PROBLEMS_PER_REGION).forEach(p -> out.append("  ").append(p.ticker()).append("  ")
                .append(p.status()).append("  ").append(p.error() == null ? "" : p.error()).append('\n'));
        if (problems.size() > TEXT_PROBLEMS_PER_REGION) {
            out.append("  … and ").append(problems.size() - TEXT_PROBLEMS_PER_REGION)
                    .append(" more (all of them are in the JSON report)\n");
        }
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
