package io.spock.metadata.app;

import org.jline.reader.Parser;
import org.springframework.shell.Input;
import org.springframework.shell.Shell;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs commands outside the interactive shell: one from the arguments, or a script's lines from stdin.
 * Spring Shell's own piped mode echoes prompts, ignores failures and always exits 0; this driver prints no
 * prompt, skips blank and {@code #} lines, and returns the worst line's status.
 */
public final class CommandLineDriver {

    private static final Set<String> QUIT = Set.of("quit", "exit");

    private final Shell shell;
    private final ShellContext shellContext;
    private final CommandCatalog catalog;
    private final Parser parser;
    private final RunStatus status;
    private final ErrorReporter errors;
    private final CliSession session;

    public CommandLineDriver(Shell shell, ShellContext shellContext, CommandCatalog catalog, Parser parser,
                             RunStatus status, ErrorReporter errors, CliSession session) {
        this.shell = shell;
        this.shellContext = shellContext;
        this.catalog = catalog;
        this.parser = parser;
        this.status = status;
        this.errors = errors;
        this.session = session;
    }

    public int runOne(List<String> words) {
        shellContext.setInteractionMode(InteractionMode.NONINTERACTIVE);
        return execute(words);
    }

    public int runLines(InputStream in) {
        shellContext.setInteractionMode(InteractionMode.NONINTERACTIVE);
        int worst = ExitCodes.OK;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> words = parse(trimmed, number);
                if (words != null && !words.isEmpty() && QUIT.contains(words.get(0))) {
                    break;
                }
                int code = words == null ? ExitCodes.USAGE : execute(words);
                worst = ExitCodes.worst(worst, code);
                if (code != ExitCodes.OK && session.bail()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return worst;
    }

    private List<String> parse(String line, int number) {
        try {
            return parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words().stream()
                    .filter(w -> !w.isEmpty()).toList();
        } catch (RuntimeException e) {
            errors.report(ExitCodes.USAGE, "line " + number + ": cannot parse '" + Masking.commandLine(line)
                    + "' (unclosed quote?)");
            return null;
        }
    }

    private int execute(List<String> words) {
        status.reset();
        if (!isKnownCommand(words)) {
            errors.report(ExitCodes.USAGE, "unknown command '" + words.get(0) + "'; 'help' lists the commands");
            return status.current();
        }
        try {
            shell.run(new SingleInput(words));
        } catch (Exception e) {
            errors.report(e);
        }
        return status.current();
    }

    private boolean isKnownCommand(List<String> words) {
        String line = String.join(" ", words);
        return catalog.getRegistrations().entrySet().stream().anyMatch(entry -> {
            List<String> names = new ArrayList<>();
            names.add(entry.getKey());
            entry.getValue().getAliases().forEach(alias -> names.add(alias.getCommand()));
            return names.stream().anyMatch(name -> line.equals(name) || line.startsWith(name + " "));
        });
    }

    /** Hands the shell one line, then end of input. */
    private static final class SingleInput implements org.springframework.shell.InputProvider {
        private List<String> words;

        SingleInput(List<String> words) {
            this.words = words;
        }

        @Override
        public Input readInput() {
            if (words == null) {
                return null;
            }
            List<String> line = words;
            words = null;
            return new Input() {
                @Override
                public String rawText() {
                    return String.join(" ", line);
                }

                @Override
                public List<String> words() {
                    return line;
                }
            };
        }
    }
}
