package io.spock.metadata.shell;

import io.spock.metadata.app.BuildVersion;
import io.spock.metadata.app.Positional;
import org.jline.reader.History;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code help}, {@code history} and {@code version}, in place of Spring Shell's. */
@Command(group = CommandGroups.SHELL)
public class ShellCommands {

    private final ObjectProvider<CommandCatalog> catalog;
    private final ScreenWidth screen;
    private final ObjectProvider<History> history;

    /** The catalog is looked up when help runs: it holds this command, so it cannot be built before it. */
    public ShellCommands(ObjectProvider<CommandCatalog> catalog, ScreenWidth screen, ObjectProvider<History> history) {
        this.catalog = catalog;
        this.screen = screen;
        this.history = history;
    }

    @Command(command = "help", description = "The commands by group, or one command's options and examples.")
    @Examples({"help", "help map-sector", "help metrics start", "enrich --help"})
    public String help(
            @Option(longNames = "command", arityMax = 3, description = "the command to explain") @Positional(example = "enrich")
            String[] command,
            @Option(longNames = "full", description = "also the modes, global flags, environment variables and exit statuses")
            boolean full) {
        CommandHelp help = new CommandHelp(catalog.getObject(), screen.columns());
        if (command != null && command.length > 0) {
            return help.command(String.join(" ", command).trim());
        }
        return full ? overview() + "\n\n" + help.list() : help.list();
    }

    @Command(command = "history", description = "The lines typed in this and earlier sessions, numbered.")
    public String history() {
        StringBuilder out = new StringBuilder();
        history.getObject().forEach(entry -> out.append(String.format("%5d  %s%n", entry.index() + 1, entry.line())));
        return out.toString().stripTrailing();
    }

    @Command(command = "version", description = "The version, git commit and build time of this build.")
    public String version() {
        return BuildVersion.current().line();
    }

    private static String overview() {
        try (InputStream in = ShellCommands.class.getResourceAsStream("/help/overview.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
