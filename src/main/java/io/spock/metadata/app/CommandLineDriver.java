package io.spock.metadata.app;

import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Runs commands outside the interactive shell: one from the arguments, or a script's lines from stdin. Spring
 * Shell's own piped mode echoes prompts, ignores failures and always exits 0; this driver prints no prompt, skips
 * blank lines and comments, names the script line in its errors ({@code error: line 7: …}), stops at Ctrl-C, and
 * returns the worst line's status.
 */
public final class CommandLineDriver {

    private static final Set<String> QUIT = Set.of("quit", "exit");

    private final ShellContext shellContext;
    private final Parser parser;
    private final CommandRunner runner;
    private final ErrorReporter errors;
    private final CliSession session;

    public CommandLineDriver(ShellContext shellContext, Parser parser, CommandRunner runner, ErrorReporter errors,
                             CliSession session) {
        this.shellContext = shellContext;
        this.parser = parser;
        this.runner = runner;
        this.errors = errors;
        this.session = session;
    }

    public int runOne(List<String> words) {
        shellContext.setInteractionMode(InteractionMode.NONINTERACTIVE);
        return runner.run(words);
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
                errors.atLine(number);
                List<String> words = parse(line);
                if (words != null && words.isEmpty()) {
                    continue;
                }
                if (words != null && words.size() == 1 && QUIT.contains(words.get(0))) {
                    break;
                }
                int code = words == null ? ExitCodes.USAGE : runner.run(words);
                worst = ExitCodes.worst(worst, code);
                if (code == ExitCodes.INTERRUPTED || code != ExitCodes.OK && session.bail()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            errors.atLine(0);
        }
        return worst;
    }

    /** The line's words, or null (reported) when it cannot be split. */
    private List<String> parse(String line) {
        try {
            return parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words().stream()
                    .filter(w -> !w.isEmpty()).toList();
        } catch (EOFError e) {
            errors.report(ExitCodes.USAGE, "cannot parse '" + Masking.commandLine(line.strip()) + "': "
                    + e.getMessage().toLowerCase());
            return null;
        } catch (RuntimeException e) {
            errors.report(ExitCodes.USAGE, "cannot parse '" + Masking.commandLine(line.strip()) + "': "
                    + Messages.of(e));
            return null;
        }
    }
}
