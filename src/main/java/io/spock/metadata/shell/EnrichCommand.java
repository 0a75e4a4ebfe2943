package io.spock.metadata.shell;

import io.spock.metadata.app.CliSession;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.Mode;
import io.spock.metadata.app.SpockProperties;
import io.spock.metadata.app.RunStatus;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.SectorNames;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionRetry;
import io.spock.metadata.enrich.Sleeper;
import io.spock.metadata.market.Markets;
import io.spock.metadata.metrics.MetricsPublisher;
import io.spock.metadata.metrics.MetricsServer;
import io.spock.metadata.metrics.RunPublication;
import io.spock.metadata.market.Region;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.report.ReportFiles;
import io.spock.metadata.report.ReportWriter;
import io.spock.metadata.report.RunReport;
import io.spock.metadata.store.ChangeQuery;
import io.spock.metadata.store.ChangeQuery.SectorMoves;
import io.spock.metadata.store.ListingKey;
import io.spock.metadata.store.TickerLookup;
import io.spock.metadata.yahoo.YahooSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import org.springframework.shell.command.CommandRegistration.OptionArity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code enrich}: classify the due tickers of the chosen regions (KIS code first, Yahoo as the fallback), in the
 * shell and in cron alike. The flags only shape the one pipeline call: regions at once, region retries, progress
 * bars, the metrics endpoint, the report files, and Ctrl-C handling.
 */
@Command
public class EnrichCommand {

    static final int MAX_WORKERS = 10;
    static final int MAX_RETRIES = 10;

    private final ObjectProvider<EnrichmentService> service;
    private final TickerLookup tickers;
    private final RunStatus status;
    private final CliSession session;
    private final SpockProperties properties;
    private final ObjectProvider<YahooSettings> yahoo;
    private final MetricsPublisher metrics;
    private final MetricsServer metricsServer;
    private final ObjectProvider<Terminal> terminal;
    private final ScreenWidth screen;
    private final ChangeQuery changes;
    private final LangOption langs;

    public EnrichCommand(ObjectProvider<EnrichmentService> service, TickerLookup tickers, RunStatus status,
                         CliSession session, SpockProperties properties, ObjectProvider<YahooSettings> yahoo,
                         MetricsPublisher metrics, MetricsServer metricsServer, ObjectProvider<Terminal> terminal,
                         ScreenWidth screen, ChangeQuery changes, LangOption langs) {
        this.service = service;
        this.tickers = tickers;
        this.status = status;
        this.session = session;
        this.properties = properties;
        this.yahoo = yahoo;
        this.metrics = metrics;
        this.metricsServer = metricsServer;
        this.terminal = terminal;
        this.screen = screen;
        this.changes = changes;
        this.langs = langs;
    }

    @Command(command = "enrich", group = CommandGroups.ENRICHMENT,
            description = "Classify due tickers: KIS code map first, Yahoo Finance as the fallback.")
    @Examples({"enrich                                   # due tickers of every region",
            "enrich --regions US --tickers AAPL,MSFT  # these tickers, whatever their age",
            "enrich --regions ALL --force-refresh --parallel --report logs/weekly.txt",
            "enrich --dry-run --format json",
            "enrich --regions US --wait 600           # if another run is enriching US, wait for it"})
    public String enrich(
            @Option(longNames = "regions", label = "LIST", description = "US,CN,HK,JP,VN or ALL (the default; with "
                    + "--tickers, the regions that list them)")
            @OptionValues(provider = "regionCompletion") String regions,
            @Option(longNames = "tickers", label = "T1,T2", description = "only these tickers, whatever their age (T1,T2)")
            @OptionValues(provider = "tickerCompletion") String tickerList,
            @Option(longNames = "force-refresh", description = "every ticker, whatever its age") boolean forceRefresh,
            @Option(longNames = "incremental", description = "only due tickers (the default)") boolean incremental,
            @Option(longNames = "max-age-days", defaultValue = "30", description = "classifications older than this are due")
            @Min(0) int maxAgeDays,
            @Option(longNames = "dry-run", description = "compute and print everything, write nothing") boolean dryRun,
            @Option(longNames = "include-manual", description = "also re-enrich tickers fixed with map-sector")
            boolean includeManual,
            @Option(longNames = "format", defaultValue = "table", description = "table or json")
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = "verbose", description = "DEBUG log lines on the console") boolean verbose,
            @Option(longNames = "max-retries", defaultValue = "3",
                    description = "retries of a region that failed with a transient error")
            @Min(0) @Max(MAX_RETRIES) int maxRetries,
            @Option(longNames = "retry-delay", defaultValue = "5.0", label = "SECONDS",
                    description = "seconds before the first region retry, doubling, with jitter")
            @DecimalMin("0") @DecimalMax("3600") double retryDelay,
            @Option(longNames = "parallel", description = "enrich regions at once (same Yahoo rate limit)")
            boolean parallel,
            @Option(longNames = "max-workers", defaultValue = "5", description = "regions at once with --parallel")
            @Min(1) @Max(MAX_WORKERS) int maxWorkers,
            @Option(longNames = "progress-bar", description = "show progress bars (default: when on a terminal)")
            boolean progressBar,
            @Option(longNames = "no-progress-bar", description = "never show progress bars") boolean noProgressBar,
            @Option(longNames = "prometheus-port", label = "PORT",
                    description = "serve Prometheus metrics on this port during the run (0: any free port)")
            @Min(0) @Max(65535) Integer prometheusPort,
            @Option(longNames = "report", label = "FILE",
                    description = "report file (default logs/enrichment_report.txt and .json)")
            @OptionValues(provider = "fileCompletion") String reportFile,
            @Option(longNames = "linger", defaultValue = "0", label = "SECONDS",
                    description = "seconds to keep serving metrics after the run") @DecimalMin("0") @DecimalMax("86400")
            double lingerSeconds,
            @Option(longNames = "pushgateway", label = "URL", description = "push the run's metrics to this "
                    + "Prometheus Pushgateway (http://HOST:9091) after each region and at the end") String pushgateway,
            @Option(longNames = "metrics-textfile", label = "FILE", description = "write the run's metrics to this "
                    + ".prom file for node_exporter's textfile collector")
            @OptionValues(provider = "fileCompletion") String metricsTextfile,
            @Option(longNames = LangOption.NAME, label = LangOption.LABEL, description = LangOption.DESCRIPTION)
            @OptionValues(provider = "langCompletion") String lang,
            @Option(longNames = "wait", arity = OptionArity.ZERO_OR_ONE, label = "SECONDS",
                    description = "wait for a region another run is enriching, up to SECONDS (alone: as long as that "
                            + "run is alive) instead of skipping it") @DecimalMin("0") @DecimalMax("86400")
            Double waitSeconds,
            CommandContext context) {
        OutputFormat output = OutputFormat.parse(format);
        SectorNames names = langs.read(lang);
        if (forceRefresh && incremental) {
            throw new UsageException("--force-refresh and --incremental exclude each other");
        }
        RegionRetry retry = new RegionRetry(maxRetries, Duration.ofMillis(Math.round(retryDelay * 1000)),
                RegionRetry.DEFAULT_JITTER);
        boolean bars = showProgressBars(progressBar, noProgressBar);
        if (lingerSeconds > 0 && prometheusPort == null) {
            throw new UsageException("--linger keeps the metrics endpoint up: it needs --prometheus-port");
        }
        Duration linger = Duration.ofMillis(Math.round(lingerSeconds * 1000));
        if (dryRun && reportFile != null) {
            throw new UsageException("--report: a dry run writes no report");
        }
        ReportFiles reportFiles = reportFile == null ? ReportFiles.defaults(properties.logsDir())
                : ReportFiles.of(reportFile);
        Set<Region> chosen = Markets.parseRegions(regions);
        List<ListingKey> listings = tickerList == null ? List.of()
                : TickerArguments.parseListed(tickerList, chosen, tickers);
        if (regions == null && !listings.isEmpty()) {
            chosen = listings.stream().map(ListingKey::region).collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> named = listings.stream().map(ListingKey::ticker).distinct().toList();
        EnrichMode mode = !named.isEmpty() ? EnrichMode.TICKERS
                : forceRefresh ? EnrichMode.FORCE_REFRESH : EnrichMode.INCREMENTAL;
        EnrichRequest request = new EnrichRequest(chosen, mode, named, maxAgeDays, dryRun, includeManual, parallel,
                maxWorkers, retry, leaseWait(context, waitSeconds));
        EnrichmentService pipeline = service.getObject();
        RunPublication published = metrics.begin(pushgateway, metricsTextfile, dryRun);

        boolean serving = prometheusPort != null && metricsServer.port().isEmpty();
        try {
            if (serving) {
                metricsServer.start(prometheusPort);
            }
            EnrichReport report;
            try (ShutdownInterrupt ignored = session.interactive() ? null : ShutdownInterrupt.guardCurrentThread();
                 ConsoleVerbosity debug = verbose ? ConsoleVerbosity.debug() : null;
                 TerminalProgress progress = bars ? new TerminalProgress(terminal.getObject(),
                         yahoo.getObject().requestsPerSecond()) : null) {
                report = pipeline.run(request, listener(published, progress));
                boolean interrupted = Thread.interrupted();
                published.finished(report.status());
                if (!dryRun) {
                    ReportWriter.write(new RunReport(report, yahoo.getObject().requestsPerSecond(),
                            changes.sectorsAssigned(report.runId()), names), reportFiles);
                }
                if (serving && !interrupted && !linger.isZero()) {
                    lingerFor(linger);
                }
            }
            if (report.incomplete()) {
                status.record(ExitCodes.INCOMPLETE);
            }
            SectorMoves moves = report.runId() == null ? null : changes.sectorMoves(report.runId());
            return EnrichSummary.render(report, output, dryRun ? null : reportFiles, moves, screen.columns(), names);
        } finally {
            published.close();
            if (serving) {
                metricsServer.stop();
            }
        }
    }

    /** {@code --wait}: null when not given, as long as it takes without seconds, else those seconds. */
    private static Duration leaseWait(CommandContext context, Double seconds) {
        if (!context.hasMappedOption("wait")) {
            return null;
        }
        return seconds == null ? EnrichRequest.WAIT_FOREVER : Duration.ofMillis(Math.round(seconds * 1000));
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

    /** The run's metrics (nothing for a dry run: its outcomes are not stored), and the bars. */
    private ProgressListener listener(RunPublication published, TerminalProgress progress) {
        List<ProgressListener> listeners = new ArrayList<>();
        listeners.add(published);
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
}
