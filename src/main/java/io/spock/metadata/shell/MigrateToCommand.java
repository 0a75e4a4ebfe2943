package io.spock.metadata.shell;

import io.spock.metadata.app.CliEnvironment;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.RunStatus;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.store.StoreCopy;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.util.List;

/** {@code migrate-to}: copy this store, with history, into an empty database (typically PostgreSQL). */
@Command
public class MigrateToCommand {

    static final String TARGET_PASSWORD = "SPOCK_TARGET_DB_PASSWORD";

    private final Database source;
    private final RunStatus status;
    private final CliEnvironment environment;
    private final ScreenWidth screen;

    public MigrateToCommand(Database source, RunStatus status, CliEnvironment environment, ScreenWidth screen) {
        this.source = source;
        this.status = status;
        this.environment = environment;
        this.screen = screen;
    }

    @Command(command = "migrate-to", group = CommandGroups.STORE, description = "Copy the whole store (tickers, runs, history) into an empty database and verify row counts.")
    public String migrateTo(
            @Option(longNames = "target", required = true, description = "JDBC URL or SQLite file of the empty target")
            String target,
            @Option(longNames = "user", description = "target user (or in the URL)") String user,
            @Option(longNames = "password", description = "target password (or in the URL, or SPOCK_TARGET_DB_PASSWORD)")
            String password,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format) {
        OutputFormat output = OutputFormat.parse(format);
        DatabaseLocation location = DatabaseLocation.parse(target, null);
        String secret = password != null ? password : environment.first(TARGET_PASSWORD).orElse(null);
        List<StoreCopy.TableCount> counts;
        try (Database destination = Database.open(location, user, secret)) {
            counts = StoreCopy.copy(source.dsl(), destination.dsl());
        }
        TableView.Builder view = TableView.builder("table", "source_rows", "target_rows", "verified");
        counts.forEach(c -> view.row(c.table(), c.source(), c.target(), c.matches() ? "yes" : "NO"));
        if (counts.stream().anyMatch(c -> !c.matches())) {
            status.record(ExitCodes.ERROR);
        }
        String text = Renderer.render(view.build(), output, screen.columns());
        return output == OutputFormat.TABLE ? text + "\n\ncopied into " + location.display() : text;
    }
}
