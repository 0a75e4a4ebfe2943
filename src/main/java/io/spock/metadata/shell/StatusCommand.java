package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.market.Markets;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.RegionStatus;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.StatusQuery;
import io.spock.metadata.kis.KisAccess;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code status}: per region, how much of the universe is classified and by which source. */
@Command
public class StatusCommand {

    private final StatusQuery query;
    private final Clock clock;
    private final KisAccess kis;

    public StatusCommand(StatusQuery query, Clock clock, KisAccess kis) {
        this.query = query;
        this.clock = clock;
        this.kis = kis;
    }

    @Command(command = "status", description = "Per region: tickers, classified, by source, unclassified, stale, last run.")
    public String status(
            @Option(longNames = "regions", defaultValue = "ALL", description = "US,CN,HK,JP,VN or ALL")
            @OptionValues(provider = "regionCompletion") String regions,
            @Option(longNames = "max-age-days", defaultValue = "30", description = "age after which a classification is stale")
            int maxAgeDays,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format) {
        OutputFormat output = OutputFormat.parse(format);
        if (maxAgeDays < 0) {
            throw new UsageException("--max-age-days must be 0 or more, not " + maxAgeDays);
        }
        List<RegionStatus> statuses = query.byRegion(Markets.parseRegions(regions),
                LocalDateTime.now(clock).minusDays(maxAgeDays));
        List<Source> sources = SourceColumns.of(statuses.stream().map(RegionStatus::bySource).toList());
        List<String> columns = new ArrayList<>(List.of("region", "total", "classified"));
        sources.forEach(source -> columns.add(source.key()));
        columns.addAll(List.of("not_applicable", "unclassified", "not_found", "failed", "deferred", "stale",
                "disagreements", "last_run"));
        TableView.Builder view = TableView.builder(columns.toArray(String[]::new));
        for (RegionStatus s : statuses) {
            List<Object> row = new ArrayList<>(List.of(s.region(), s.total(), s.classified()));
            sources.forEach(source -> row.add(s.classifiedBy(source)));
            row.addAll(Arrays.asList(s.notApplicable(), s.unclassified(), s.notFound(), s.failed(), s.deferred(),
                    s.stale(), s.disagreements(), s.lastRun()));
            view.row(row.toArray());
        }
        String credentials = kis.credentialsState();
        return switch (output) {
            case TABLE -> Renderer.render(view.build(), output) + "\n\nKIS credentials: " + credentials;
            case JSON -> {
                List<Map<String, Object>> records = Renderer.records(view.build());
                records.forEach(r -> r.put("kis_credentials", credentials));
                yield Renderer.json(records);
            }
            case CSV -> Renderer.render(view.build(), output);
        };
    }
}
