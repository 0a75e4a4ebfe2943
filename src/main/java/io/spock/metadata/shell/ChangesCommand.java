package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Markets;
import io.spock.metadata.render.OutputFile;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.ChangeFilter;
import io.spock.metadata.store.ChangeQuery;
import io.spock.metadata.store.ChangeQuery.SectorMoves;
import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code changes}: what moved. Every sector or industry change in the history (enrich runs, manual fixes, CSV
 * imports) with before, after, source, reason, run and time, newest first; or with {@code --summary} the sector
 * migration matrix (from sector × to sector, counts).
 */
@Command
public class ChangesCommand {

    static final int MAX_LIMIT = 100_000;

    private final ChangeQuery changes;
    private final FilterValues values;
    private final ObjectProvider<GicsTaxonomy> gics;

    public ChangesCommand(ChangeQuery changes, FilterValues values, ObjectProvider<GicsTaxonomy> gics) {
        this.changes = changes;
        this.values = values;
        this.gics = gics;
    }

    @Command(command = "changes", group = CommandGroups.INSPECTION, description = "What moved: sector and industry changes by run, date, region, sector or source; --summary for the sector migration matrix.")
    public String changes(
            @Option(longNames = "run", description = "one enrich run: its number, or last") String run,
            @Option(longNames = "since", description = "changes from this date (2026-11-30) or time (2026-11-30T02:30), UTC")
            String since,
            @Option(longNames = "regions", defaultValue = "ALL", description = "US,CN,HK,JP,VN or ALL")
            @OptionValues(provider = "regionCompletion") String regions,
            @Option(longNames = "sector", description = "moved into or out of these sectors (codes or names; not: for none of them)")
            @OptionValues(provider = "filterSectorCompletion") String sector,
            @Option(longNames = "source", description = "made by these sources (kis, yahoo, manual, …)")
            @OptionValues(provider = "sourceCompletion") String source,
            @Option(longNames = "summary", description = "the sector migration matrix: from sector x to sector, counts")
            boolean summary,
            @Option(longNames = "limit", defaultValue = "50", description = "the most changes listed") int limit,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = "output", description = "write to this file instead of the screen") String output,
            @Option(longNames = "force", description = "overwrite the --output file") boolean force) {
        OutputFormat fmt = OutputFormat.parse(format);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new UsageException("--limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        ChangeFilter filter = ChangeFilter.builder().run(runId(run)).since(since(since))
                .regions(Markets.parseRegions(regions)).sectors(values.sectors(sector)).sources(values.sources(source))
                .build();
        SectorLabels labels = new SectorLabels(gics.getObject());
        String text = summary ? MigrationMatrix.render(changes.migrations(filter), labels, fmt)
                : list(changes.list(filter, limit), labels, fmt);
        return output == null || output.isBlank() ? text : OutputFile.write(output, text, force);
    }

    /** The line that lists one run's changes. */
    static String forRun(int runId) {
        return "changes --run " + runId;
    }

    /** For the enrich summary: {@code 3 tickers changed sector, 150 classified for the first time: changes --run 17}. */
    static String sectorMovesLine(SectorMoves moves, int runId) {
        if (moves.moved() == 0 && moves.firstClassified() == 0) {
            return "no ticker changed sector";
        }
        return moves.moved() + (moves.moved() == 1 ? " ticker" : " tickers") + " changed sector"
                + (moves.firstClassified() == 0 ? "" : ", " + moves.firstClassified() + " classified for the first time")
                + ": " + forRun(runId);
    }

    private Integer runId(String run) {
        if (run == null) {
            return null;
        }
        if (run.trim().equalsIgnoreCase("last")) {
            return changes.lastRun().orElseThrow(() -> new UsageException("--run last: no enrich run yet"));
        }
        int id;
        try {
            id = Integer.parseInt(run.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid --run '" + run + "': a run number, or last");
        }
        if (!changes.runExists(id)) {
            throw new UsageException("unknown run " + id + changes.lastRun().map(last -> ": the last run is " + last)
                    .orElse(": no enrich run yet"));
        }
        return id;
    }

    static LocalDateTime since(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim().replace(' ', 'T');
        try {
            return value.contains("T") ? LocalDateTime.parse(value) : LocalDate.parse(value).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new UsageException("invalid --since '" + text + "': a date (2026-11-30) or a time (2026-11-30T02:30),"
                    + " UTC");
        }
    }

    private static String list(ChangeQuery.Page page, SectorLabels labels, OutputFormat fmt) {
        boolean table = fmt == OutputFormat.TABLE;
        TableView.Builder view = TableView.builder("changed_at", "run", "region", "ticker", "old_sector", "new_sector",
                "old_industry", "new_industry", "source", "reason");
        for (ClassificationHistoryRecord h : page.rows()) {
            view.row(h.getChangedAt(), h.getRunId(), h.getRegion(), h.getTicker(),
                    labels.of(h.getOldSectorCode(), table), labels.of(h.getNewSectorCode(), table),
                    h.getOldIndustry(), h.getNewIndustry(), h.getSource(), h.getReason());
        }
        if (!table) {
            return Renderer.render(view.build(), fmt);
        }
        if (page.rows().isEmpty()) {
            return "no changes match";
        }
        String more = page.more() == 0 ? "" : "\n\n" + page.more() + " more (raise --limit to see them)";
        return Renderer.render(view.build(), fmt) + more;
    }
}
