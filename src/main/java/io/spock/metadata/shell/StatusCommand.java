package io.spock.metadata.shell;

import io.spock.metadata.classify.DisplayLanguage;
import io.spock.metadata.kis.KisAccess;
import io.spock.metadata.market.Markets;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.LeaseHolder;
import io.spock.metadata.store.RegionLeases;
import io.spock.metadata.store.RegionStatus;
import io.spock.metadata.store.RunningRun;
import io.spock.metadata.store.StaleRuns;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.StatusQuery;
import jakarta.validation.constraints.Min;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code status}: per region, how much of the universe is classified and by which source, and its last run; the
 * regions other runs are enriching now (their leases). Runs that gave no sign of life for the lease timeout are marked
 * ABANDONED on the way (the only write {@code status} makes, and only when there are such runs).
 */
@Command
public class StatusCommand {

    private static final Logger log = LoggerFactory.getLogger(StatusCommand.class);

    private final StatusQuery query;
    private final Clock clock;
    private final KisAccess kis;
    private final ScreenWidth screen;
    private final ObjectProvider<StaleRuns> staleRuns;
    private final ObjectProvider<RegionLeases> leases;

    public StatusCommand(StatusQuery query, Clock clock, KisAccess kis, ScreenWidth screen,
                         ObjectProvider<StaleRuns> staleRuns, ObjectProvider<RegionLeases> leases) {
        this.query = query;
        this.clock = clock;
        this.kis = kis;
        this.screen = screen;
        this.staleRuns = staleRuns;
        this.leases = leases;
    }

    @Command(command = "status", group = CommandGroups.INSPECTION,
            description = "Per region: tickers, classified, by source, unclassified, stale; each region's last run; "
                    + "the regions other runs are enriching now.")
    @Examples({"status", "status --regions US,JP", "status --format json   # for scripts and monitoring"})
    public String status(
            @Option(longNames = "regions", defaultValue = "ALL", label = "LIST", description = "US,CN,HK,JP,VN or ALL")
            @OptionValues(provider = "regionCompletion") String regions,
            @Option(longNames = "max-age-days", defaultValue = "30", description = "age after which a classification is stale")
            @Min(0) int maxAgeDays,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = LangOption.NAME, label = LangOption.LABEL, description = LangOption.DESCRIPTION)
            @OptionValues(provider = "langCompletion") String lang) {
        OutputFormat output = OutputFormat.parse(format);
        if (lang != null) {
            // status shows no sector names; --lang is only checked, so that one --lang serves every report command
            DisplayLanguage.option(lang);
        }
        Set<Region> chosen = Markets.parseRegions(regions);
        List<RunningRun> abandoned = abandonStaleRuns();
        List<RegionStatus> statuses = query.byRegion(chosen, LocalDateTime.now(clock).minusDays(maxAgeDays));
        Map<String, LeaseHolder> held = new LinkedHashMap<>();
        leases.getObject().holders().stream().filter(h -> chosen.stream().anyMatch(r -> r.name().equals(h.region())))
                .forEach(h -> held.put(h.region(), h));
        String credentials = kis.credentialsState();
        return switch (output) {
            case TABLE -> Renderer.render(counts(statuses, false), output, screen.columns()) + "\n\n"
                    + lastRuns(statuses) + runLines(abandoned, held.values()) + "\n\nKIS credentials: " + credentials;
            case JSON -> {
                List<Map<String, Object>> records = Renderer.records(counts(statuses, true));
                records.forEach(r -> {
                    r.put("lease", lease(held.get((String) r.get("region"))));
                    r.put("kis_credentials", credentials);
                });
                yield Renderer.json(records);
            }
            case CSV -> Renderer.render(counts(statuses, true), output);
        };
    }

    /**
     * The counts, with a column per source ({@link SourceColumns}); CSV and JSON also get each region's last run as
     * two columns, the table shows it below ({@link #lastRuns}).
     */
    private static TableView counts(List<RegionStatus> statuses, boolean withLastRun) {
        List<Source> sources = SourceColumns.of(statuses.stream().map(RegionStatus::bySource).toList());
        List<String> columns = new ArrayList<>(List.of("region", "total", "classified"));
        sources.forEach(source -> columns.add(source.key()));
        columns.addAll(List.of("not_applicable", "unclassified", "not_found", "failed", "deferred", "stale",
                "disagreements"));
        if (withLastRun) {
            columns.addAll(List.of("last_run", "last_run_status"));
        }
        TableView.Builder view = TableView.builder(columns.toArray(String[]::new));
        sources.forEach(source -> view.dropFirst(source.key()));
        view.dropFirst("not_applicable", "stale");
        for (RegionStatus s : statuses) {
            List<Object> row = new ArrayList<>(List.of(s.region(), s.total(), s.classified()));
            sources.forEach(source -> row.add(s.classifiedBy(source)));
            row.addAll(List.of(s.notApplicable(), s.unclassified(), s.notFound(), s.failed(), s.deferred(),
                    s.stale(), s.disagreements()));
            if (withLastRun) {
                row.addAll(Arrays.asList(s.lastRun(), s.lastRunStatus()));
            }
            view.row(row.toArray());
        }
        return view.build();
    }

    /**
     * Marks the runs that gave no sign of life for the lease timeout ABANDONED. A store that cannot take the write
     * now (another process's long transaction) leaves them for the next {@code enrich} or {@code status}.
     */
    private List<RunningRun> abandonStaleRuns() {
        try {
            return staleRuns.getObject().abandonStale();
        } catch (DataAccessException e) {
            log.debug("Cannot mark stale runs ABANDONED now", e);
            return List.of();
        }
    }

    /** The runs just marked ABANDONED, and the regions being enriched now, one line each. */
    private String runLines(List<RunningRun> abandoned, Collection<LeaseHolder> held) {
        StringBuilder lines = new StringBuilder();
        LocalDateTime now = LocalDateTime.now(clock);
        for (RunningRun run : abandoned) {
            lines.append(lines.isEmpty() ? "\n\n" : "\n").append(run.abandonedLine());
        }
        for (LeaseHolder holder : held) {
            lines.append(lines.isEmpty() ? "\n\n" : "\n").append(holder.describe(now.toLocalDate()))
                    .append("; last heartbeat ")
                    .append(Math.max(0, Duration.between(holder.run().lastSeen(), now).toSeconds())).append(" s ago");
        }
        return lines.toString();
    }

    /** A region's lease for JSON: the run that holds it, its host, pid, start and last heartbeat; null when free. */
    private static Map<String, Object> lease(LeaseHolder holder) {
        if (holder == null) {
            return null;
        }
        Map<String, Object> lease = new LinkedHashMap<>();
        lease.put("run", holder.run().runId());
        lease.put("host", holder.run().owner() == null ? null : holder.run().owner().host());
        lease.put("pid", holder.run().owner() == null ? null : holder.run().owner().pid());
        lease.put("started", holder.leasedAt());
        lease.put("heartbeat", holder.run().lastSeen());
        return lease;
    }

    /** The regions that took part in a run, each with its last run's state and time. */
    private static String lastRuns(List<RegionStatus> statuses) {
        List<RegionStatus> ran = statuses.stream().filter(s -> s.lastRun() != null).toList();
        if (ran.isEmpty()) {
            return "last run: none yet (enrich classifies the due tickers)";
        }
        TableView.Builder view = TableView.builder("region", "last_run", "state");
        ran.forEach(s -> view.row(s.region(), s.lastRun(), s.lastRunStatus()));
        return Renderer.render(view.build(), OutputFormat.TABLE);
    }
}
