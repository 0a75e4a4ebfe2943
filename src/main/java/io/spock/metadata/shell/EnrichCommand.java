package io.spock.metadata.shell;

import io.spock.metadata.app.CliSession;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.Mode;
import io.spock.metadata.app.SpockProperties;
import io.spock.metadata.app.RunStatus;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.Outcome;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionRetry;
import io.spock.metadata.enrich.Sleeper;
import io.spock.metadata.enrich.YahooProperties;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.market.Markets;
import io.spock.metadata.metrics.EnrichmentMetrics;
import io.spock.metadata.metrics.MetricsServer;
import io.spock.metadata.market.Region;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.report.ReportFiles;
import io.spock.metadata.report.ReportWriter;
import io.spock.metadata.report.RunReport;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.TickerLookup;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code enrich}: classify the due tickers of the chosen regions (KIS code first, Yahoo as the fallback), in the
 * shell and in cron alike. The flags only shape the one pipeline call: regions at once, region retries, progress
 * bars, the metrics endpoint, the report files, and Ctrl-C handling.
 */
@Command
public class EnrichCommand {

    static final int MAX_WORKERS = 10;
    static final int MAX_RETRIES = 10;
    static final double MAX_RETRY_DELAY_SECONDS = 3600;

    private final ObjectProvider<EnrichmentService> service;
    private final TickerLookup tickers;
    private final RunStatus status;
    private final CliSession session;
    private final SpockProperties properties;
    private final YahooProperties yahoo;
    private final EnrichmentMetrics metrics;
    private final MetricsServer metricsServer;
    private final ObjectProvider<Terminal> terminal;

    public EnrichCommand(ObjectProvider<EnrichmentService> service, TickerLookup tickers, RunStatus status,
                         CliSession session, SpockProperties properties, YahooProperties yahoo,
                         EnrichmentMetrics metrics, MetricsServer metricsServer, ObjectProvider<Terminal> terminal) {
        this.service = service;
        this.tickers = tickers;
        this.status = status;
        this.session = session;
        this.properties = properties;
        this.yahoo = yahoo;
        this.metrics = metrics;
        this.metricsServer = metricsServer;
        this.terminal = terminal;
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
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = "verbose", description = "DEBUG log lines on the console") boolean verbose,
            @Option(longNames = "max-retries", defaultValue = "3",
                    description = "retries of a region that failed with a transient error (0-10)") int maxRetries,
            @Option(longNames = "retry-delay", defaultValue = "5.0",
                    description = "seconds before the first region retry, doubling, with jitter") double retryDelay,
            @Option(longNames = "parallel", description = "enrich regions at once (same Yahoo rate limit)")
            boolean parallel,
            @Option(longNames = "max-workers", defaultValue = "5", description = "regions at once with --parallel (1-10)")
            int maxWorkers,
            @Option(longNames = "progress-bar", description = "show progress bars (default: when on a terminal)")
            boolean progressBar,
            @Option(longNames = "no-progress-bar", description = "never show progress bars") boolean noProgressBar,
            @Option(longNames = "prometheus-port", description = "serve Prometheus metrics on this port during the run")
            Integer prometheusPort,
            @Option(longNames = "report", description = "report file (default logs/enrichment_report.txt and .json)")
            String reportFile,
            @Option(longNames = "linger", defaultValue = "0",
                    description = "seconds to keep serving metrics after the run") double lingerSeconds) {
        OutputFormat output = OutputFormat.parse(format);
        if (forceRefresh && incremental) {
            throw new UsageException("--force-refresh and --incremental exclude each other");
        }
        if (maxAgeDays < 0) {
            throw new UsageException("--max-age-days must be 0 or more, not " + maxAgeDays);
        }
        RegionRetry retry = retry(maxRetries, retryDelay);
        if (maxWorkers < 1 || maxWorkers > MAX_WORKERS) {
            throw new UsageException("--max-workers must be 1-" + MAX_WORKERS + ", not " + maxWorkers);
        }
        boolean bars = showProgressBars(progressBar, noProgressBar);
        Duration linger = linger(lingerSeconds, prometheusPort);
        if (prometheusPort != null && (prometheusPort < 0 || prometheusPort > 65535)) {
            throw new UsageException("--prometheus-port must be 0-65535, not " + prometheusPort);
        }
        if (dryRun && reportFile != null) {
            throw new UsageException("--report: a dry run writes no report");
        }
        ReportFiles reportFiles = reportFile == null ? ReportFiles.defaults(properties.logsDir())
                : ReportFiles.of(reportFile);
        Set<Region> chosen = Markets.parseRegions(regions);
        List<String> named = tickerList == null || tickerList.isBlank() ? List.of()
                : TickerArguments.parseListed(tickerList, tickers);
        EnrichMode mode = !named.isEmpty() ? EnrichMode.TICKERS
                : forceRefresh ? EnrichMode.FORCE_REFRESH : EnrichMode.INCREMENTAL;
        EnrichRequest request = new EnrichRequest(chosen, mode, named, maxAgeDays, dryRun, includeManual, parallel,
                maxWorkers, retry);
        EnrichmentService pipeline = service.getObject();

        boolean serving = prometheusPort != null && metricsServer.port().isEmpty();
        if (serving) {
            metricsServer.start(prometheusPort);
        }
        try {
            EnrichReport report;
            try (ShutdownInterrupt ignored = session.interactive() ? null : ShutdownInterrupt.guardCurrentThread();
                 ConsoleVerbosity debug = verbose ? ConsoleVerbosity.debug() : null;
                 TerminalProgress progress = bars ? new TerminalProgress(terminal.getObject()) : null) {
                report = pipeline.run(request, listener(dryRun, progress));
                boolean interrupted = Thread.interrupted();
                if (!dryRun) {
                    ReportWriter.write(new RunReport(report, yahoo.rate()), reportFiles);
                }
                if (serving && !interrupted && !linger.isZero()) {
                    lingerFor(linger);
                }
            }
            if (report.incomplete()) {
                status.record(ExitCodes.INCOMPLETE);
            }
            return render(report, output, dryRun ? null : reportFiles);
        } finally {
            if (serving) {
                metricsServer.stop();
            }
        }
    }

    private static RegionRetry retry(int maxRetries, double retryDelay) {
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new UsageException("--max-retries must be 0-" + MAX_RETRIES + ", not " + maxRetries);
        }
        if (!(retryDelay >= 0 && retryDelay <= MAX_RETRY_DELAY_SECONDS)) {
            throw new UsageException("--retry-delay must be 0-" + (int) MAX_RETRY_DELAY_SECONDS + " seconds, not "
                    + retryDelay);
        }
        return new RegionRetry(maxRetries, Duration.ofMillis(Math.round(retryDelay * 1000)),
                RegionRetry.DEFAULT_JITTER);
    }

    private static Duration linger(double seconds, Integer prometheusPort) {
        if (!(seconds >= 0 && seconds <= 86_400)) {
            throw new UsageException("--linger must be 0-86400 seconds, not " + seconds);
        }
        if (seconds > 0 && prometheusPort == null) {
            throw new UsageException("--linger keeps the metrics endpoint up: it needs --prometheus-port");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Bars when asked, never when refused, else when the output is a terminal (never in cron, pipes or tests). */
    private boolean showProgressBars(boolean on, boolean off) {
        if (on && off) {
            throw new UsageException("--progress-bar and --no-progress-bar exclude each other");
        }
        if (on || off) {
            return on;
        }
        if (session.interactive()) {
            return !terminal.getObject().getType().startsWith(Terminal.TYPE_DUMB);
        }
        return session.mode() == Mode.ONE_SHOT && System.console() != null;
    }

    /** Dry runs count nothing: their outcomes are not stored. */
    private ProgressListener listener(boolean dryRun, TerminalProgress progress) {
        List<ProgressListener> listeners = new ArrayList<>();
        if (!dryRun) {
            listeners.add(metrics);
        }
        if (progress != null) {
            listeners.add(progress);
        }
        return ProgressListener.all(listeners.toArray(ProgressListener[]::new));
    }

    /** Keeps the endpoint up so a scraper catches the last figures of a one-shot run; Ctrl-C ends it early. */
    private static void lingerFor(Duration linger) {
        try {
            Sleeper.SYSTEM.sleep(linger);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String render(EnrichReport report, OutputFormat format, ReportFiles reportFiles) {
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
                json.put("report", reportFiles.json().toString());
            }
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
                    .append(", ").append(report.status().name().toLowerCase()).append(" in ")
                    .append(String.format("%.1f s", report.duration().toMillis() / 1000.0));
            if (reportFiles != null) {
                out.append("; report in ").append(reportFiles.text());
            }
            report.regions().stream().filter(r -> r.error() != null && r.status() != RunState.INTERRUPTED)
                    .forEach(r -> out.append("\n").append(r.region()).append(' ').append(r.status().name().toLowerCase())
                            .append(": ").append(r.error()));
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
        for (RegionSummary r : regions) {
            List<Object> row = new ArrayList<>(List.of(r.region(), r.total(), r.enriched(), r.notFound(), r.failed(),
                    r.deferred()));
            sources.forEach(key -> row.add(r.bySourceKeys().getOrDefault(key, 0)));
            row.addAll(List.of(r.notApplicable(), r.disagreements(), r.successRate(), r.allRetries(),
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
