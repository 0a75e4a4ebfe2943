package io.spock.metadata.shell;

import io.spock.metadata.app.Positional;
import io.spock.metadata.app.ErrorReporter;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.enrich.SourcesOverview;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code sources}: each classification source with whether it takes part, its lists' last fetch, age, rows and last
 * error, and the share of the universe it answers; {@code sources refresh [NAME]} downloads the lists now.
 */
@Command
public class SourcesCommand {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ObjectProvider<SourcesOverview> overview;
    private final ErrorReporter errors;

    public SourcesCommand(ObjectProvider<SourcesOverview> overview, ErrorReporter errors) {
        this.overview = overview;
        this.errors = errors;
    }

    @Command(command = "sources", group = CommandGroups.ENRICHMENT, description = "Every source: enabled, last fetch, age, rows, share of the universe it answers, last error; 'sources refresh [NAME]' fetches now.")
    public String sources(
            @Option(longNames = "action", description = "refresh: download the bulk lists now")
            @Positional(example = "refresh") String action,
            @Option(longNames = "name", description = "with refresh: one source (jpx, nasdaq, sec, …)")
            @OptionValues(provider = "bulkSourceCompletion") @Positional(example = "jpx") String name,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format) {
        OutputFormat output = OutputFormat.parse(format);
        if (action != null && !action.equalsIgnoreCase("refresh")) {
            throw new UsageException("unknown action '" + action + "': use 'sources' or 'sources refresh [NAME]'");
        }
        if (action == null && name != null) {
            throw new UsageException("a source name goes with 'sources refresh NAME'");
        }
        if (action != null) {
            List<String> problems = overview.getObject().refresh(name == null ? null : name.toLowerCase(Locale.ROOT));
            problems.forEach(p -> errors.report(ExitCodes.ERROR, p));
        }
        return render(overview.getObject().lines(), output);
    }

    private static String render(List<SourcesOverview.Line> lines, OutputFormat format) {
        TableView.Builder view = TableView.builder("source", "kind", "enabled", "list", "last_fetch", "age", "rows",
                "answers", "share", "last_error", "note");
        for (SourcesOverview.Line l : lines) {
            view.row(l.source().key(), l.kind(), l.enabled(), l.list(),
                    l.lastFetch() == null ? null : SECONDS.format(l.lastFetch()), age(l.age()), l.rows(),
                    l.answered(), String.format(Locale.ROOT, "%.1f%%", l.share() * 100), l.lastError(), l.note());
        }
        return Renderer.render(view.build(), format);
    }

    /** A list's age the way an operator reads it: 12 min, 3 h, 2 d. */
    static String age(Duration age) {
        if (age == null) {
            return null;
        }
        return age.toMinutes() < 60 ? age.toMinutes() + " min"
                : age.toHours() < 48 ? age.toHours() + " h" : age.toDays() + " d";
    }
}
