package io.spock.metadata.shell;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.RunStatus;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.Outcome;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.TickerLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code enrich}: classify the due tickers of the chosen regions (KIS code first, Yahoo as the fallback). */
@Command
public class EnrichCommand {

    private final ObjectProvider<EnrichmentService> service;
    private final TickerLookup tickers;
    private final RunStatus status;

    public EnrichCommand(ObjectProvider<EnrichmentService> service, TickerLookup tickers, RunStatus status) {
        this.service = service;
        this.tickers = tickers;
        this.status = status;
    }

    @Command(command = "enrich", description = "Classify due tickers: KIS code map first, Yahoo Finance as the fallback.")
    public String enrich(
            @Option(longNames = "regions", defaultValue = "ALL", description = "US,CN,HK,JP,VN or ALL")
            @OptionValues(provider = "regionCompletion") String regions,
            @Option(longNames = "tickers", description = "only these tickers, whatever their age (T1,T2)")
            @OptionValues(provider = "tickerCompletion") String tickerList,
            @Option(longNames = "force-refresh", description = "every ticker, whatever its age") boolean forceRefresh,
            @Option(longNames = "incremental", description = "only due tickers (the default)") boolean incremental,
            @Option(longNames = "max-age-days", defaultValue = "30", description = "classifications older than this are due")
            int maxAgeDays,
            @Option(longNames = "dry-run", description = "compute and print everything, write nothing") boolean dryRun,
            @Option(longNames = "include-manual", description = "also re-enrich tickers fixed with map-sector")
            boolean includeManual,
            @Option(longNames = "format", defaultValue = "table", description = "table or json")
            @OptionValues(provider = "formatCompletion") String format) {
        OutputFormat output = OutputFormat.parse(format);
        if (forceRefresh && incremental) {
            throw new UsageException("--force-refresh and --incremental exclude each other");
        }
        if (maxAgeDays < 0) {
            throw new UsageException("--max-age-days must be 0 or more, not " + maxAgeDays);
        }
        Set<Region> chosen = Markets.parseRegions(regions);
        List<String> named = tickerList == null || tickerList.isBlank() ? List.of()
                : TickerArguments.parseListed(tickerList, tickers);
        EnrichMode mode = !named.isEmpty() ? EnrichMode.TICKERS
                : forceRefresh ? EnrichMode.FORCE_REFRESH : EnrichMode.INCREMENTAL;
        EnrichRequest request = new EnrichRequest(chosen, mode, named, maxAgeDays, dryRun, includeManual, false, 1);

        EnrichReport report = service.getObject().run(request, ProgressListener.NONE);
        if (report.incomplete()) {
            status.record(ExitCodes.INCOMPLETE);
        }
        return render(report, output);
    }

    static String render(EnrichReport report, OutputFormat format) {
        TableView summary = summaryView(report.regions());
        TableView changes = changesView(report.changes());
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("run_id", report.runId());
            json.put("status", report.status());
            json.put("dry_run", report.dryRun());
            json.put("duration_seconds", report.duration().toMillis() / 1000.0);
            json.put("regions", Renderer.records(summary));
            if (!report.changes().isEmpty()) {
                json.put("changes", Renderer.records(changes));
            }
            return Renderer.json(json);
        }
        StringBuilder out = new StringBuilder();
        if (!report.changes().isEmpty()) {
            out.append(Renderer.render(changes, format)).append("\n\n");
        }
        out.append(Renderer.render(summary, format));
        if (format == OutputFormat.TABLE) {
            out.append("\n\n").append(report.dryRun() ? "dry run: nothing written" : "run " + report.runId())
                    .append(", ").append(report.status().toLowerCase()).append(" in ")
                    .append(String.format("%.1f s", report.duration().toMillis() / 1000.0));
        }
        return out.toString();
    }

    private static TableView summaryView(List<RegionSummary> regions) {
        TableView.Builder view = TableView.builder("region", "total", "enriched", "failed", "deferred", "kis",
                "yahoo", "not_applicable", "success_rate", "seconds", "status");
        for (RegionSummary r : regions) {
            view.row(r.region(), r.total(), r.enriched(), r.failed(), r.deferred(), r.fromKis(), r.fromYahoo(),
                    r.notApplicable(), r.successRate(), r.duration().toMillis() / 1000.0, r.status());
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
