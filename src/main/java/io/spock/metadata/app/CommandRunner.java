package io.spock.metadata.app;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.shell.Input;
import org.springframework.shell.InputProvider;
import org.springframework.shell.Shell;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandRegistration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one command line in any mode: finds the command (an unknown one gets the closest name), turns
 * {@code COMMAND --help} into {@code help COMMAND}, checks the words ({@link ArgumentCheck}), then lets Spring Shell
 * parse and run it on a {@link CommandThread}, and returns the exit status ({@link ExitCodes#INTERRUPTED} when the
 * command was stopped with Ctrl-C).
 */
public final class CommandRunner {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private final Shell shell;
    private final CommandCatalog catalog;
    private final RunStatus status;
    private final ErrorReporter errors;
    private final CliSession session;

    public CommandRunner(Shell shell, CommandCatalog catalog, RunStatus status, ErrorReporter errors,
                         CliSession session) {
        this.shell = shell;
        this.catalog = catalog;
        this.status = status;
        this.errors = errors;
        this.session = session;
    }

    /** @param words the line's words, quotes already removed; blank words are ignored */
    public int run(List<String> words) {
        status.reset();
        List<String> line = words.stream().filter(w -> !w.isEmpty()).toList();
        if (line.isEmpty()) {
            return status.current();
        }
        Optional<String> command = longestCommand(line);
        if (command.isEmpty()) {
            errors.report(ExitCodes.USAGE, unknownCommand(line.get(0)));
            return status.current();
        }
        int length = command.get().split(" ").length;
        List<String> args = line.subList(length, line.size());
        if (args.contains("--help") || args.contains("-h")) {
            List<String> help = new ArrayList<>(List.of("help"));
            help.addAll(line.subList(0, length));
            return run(help);
        }
        try {
            ArgumentCheck.of(command.get(), catalog.getRegistrations().get(command.get()))
                    .ifPresent(check -> check.check(args));
        } catch (UsageException e) {
            errors.report(e);
            return status.current();
        }
        CommandThread thread = new CommandThread(() -> execute(line), session.streams().err());
        if (thread.runToEnd()) {
            status.record(ExitCodes.INTERRUPTED);
        }
        return status.current();
    }

    private void execute(List<String> line) {
        try {
            shell.run(new SingleInput(line));
        } catch (Exception e) {
            errors.report(e);
        }
    }

    /** The longest registered command (or alias) the line starts with, as Spring Shell matches it. */
    private Optional<String> longestCommand(List<String> line) {
        String text = String.join(" ", line);
        return names().stream().filter(name -> text.equals(name) || text.startsWith(name + " "))
                .max(Comparator.comparingInt(String::length))
                .map(name -> catalog.getRegistrations().containsKey(name) ? name : registrationOf(name));
    }

    private String registrationOf(String alias) {
        return catalog.getRegistrations().entrySet().stream()
                .filter(e -> e.getValue().getAliases().stream().anyMatch(a -> a.getCommand().equals(alias)))
                .map(Map.Entry::getKey).findFirst().orElse(alias);
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CommandRegistration> entry : catalog.getRegistrations().entrySet()) {
            names.add(entry.getKey());
            entry.getValue().getAliases().forEach(alias -> names.add(alias.getCommand()));
        }
        return names;
    }

    private String unknownCommand(String word) {
        String closest = names().stream().map(name -> name.split(" ")[0]).distinct()
                .filter(name -> DISTANCE.apply(name, word) >= 0)
                .min(Comparator.comparingInt((String name) -> DISTANCE.apply(name, word)).thenComparing(name -> name))
                .orElse(null);
        return "unknown command '" + word + "'" + (closest == null ? "; 'help' lists the commands"
                : "; did you mean '" + closest + "'? ('help' lists the commands)");
    }

    /** Hands the shell one line, then end of input. */
    private static final class SingleInput implements InputProvider {
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
