package io.spock.metadata.shell;

import io.spock.metadata.app.ArgumentCheck;
import io.spock.metadata.app.Positional;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.render.TerminalText;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of {@code help}: the commands by group ({@link CommandGroups}), or one command's synopsis (optional parts
 * in brackets, bare-word values as {@code <name>}), options with the defaults they really have, and examples
 * ({@link Examples}). Lines are wrapped to the screen, at most {@value #MAX_WIDTH} columns.
 */
final class CommandHelp {

    static final int MAX_WIDTH = 100;
    static final String QUOTES = "Values with spaces need quotes: map-sector AAPL \"Information Technology\".";

    private final CommandCatalog catalog;
    private final int width;

    /** @param width the screen's columns; 0 (a pipe or a file) wraps at {@value #MAX_WIDTH} */
    CommandHelp(CommandCatalog catalog, int width) {
        this.catalog = catalog;
        this.width = width <= 0 ? MAX_WIDTH : Math.min(width, MAX_WIDTH);
    }

    /** Every visible command, grouped, each with its one-line description. */
    String list() {
        Map<String, List<CommandRegistration>> groups = new LinkedHashMap<>();
        CommandGroups.ORDER.forEach(g -> groups.put(g, new ArrayList<>()));
        catalog.getRegistrations().values().stream().filter(r -> !r.isHidden()).distinct()
                .sorted(Comparator.comparing(CommandRegistration::getCommand))
                .forEach(r -> groups.get(CommandGroups.of(r.getGroup())).add(r));
        int nameWidth = catalog.getRegistrations().values().stream().mapToInt(r -> names(r).length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        groups.forEach((group, commands) -> {
            if (commands.isEmpty()) {
                return;
            }
            out.append(group).append('\n');
            commands.forEach(r -> out.append(twoColumns("  " + names(r), nameWidth + 2,
                    Optional.ofNullable(r.getDescription()).orElse(""))));
            out.append('\n');
        });
        out.append(wrap("'help COMMAND' (or COMMAND --help) shows a command's options and examples. " + QUOTES, ""));
        return out.toString().stripTrailing();
    }

    /** One command's help; {@code name} may have several words ({@code metrics start}). */
    String command(String name) {
        CommandRegistration registration = catalog.getRegistrations().get(name);
        if (registration == null) {
            throw new UsageException("no command '" + name + "'; 'help' lists the commands");
        }
        StringBuilder out = new StringBuilder();
        out.append(wrap(name + ": " + Optional.ofNullable(registration.getDescription()).orElse(""), "  ")).append('\n');
        out.append('\n').append(wrap("usage: " + synopsis(name, registration), "         ")).append('\n');
        List<CommandOption> options = options(registration);
        if (!options.isEmpty()) {
            out.append('\n');
            int left = Math.min(32, options.stream().mapToInt(o -> optionName(registration, o).length()).max()
                    .orElse(0) + 2);
            options.forEach(o -> out.append(twoColumns("  " + optionName(registration, o), left,
                    description(registration, o))));
        }
        Examples examples = method(registration).map(m -> m.getAnnotation(Examples.class)).orElse(null);
        out.append('\n').append(wrap(QUOTES, "")).append('\n');
        if (examples != null) {
            out.append("\nexamples:\n");
            for (String example : examples.value()) {
                out.append("  ").append(example).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private static String names(CommandRegistration registration) {
        List<String> names = new ArrayList<>(List.of(registration.getCommand()));
        registration.getAliases().forEach(a -> names.add(a.getCommand()));
        return String.join(", ", names);
    }

    private String synopsis(String name, CommandRegistration registration) {
        StringBuilder out = new StringBuilder(name);
        List<CommandOption> options = options(registration);
        for (CommandOption o : options) {
            if (positional(registration, o).isPresent()) {
                String word = "<" + o.getLongNames()[0] + ">" + (multiValued(o) ? "…" : "");
                out.append(' ').append(o.isRequired() ? word : "[" + word + "]");
            }
        }
        for (CommandOption o : options) {
            if (positional(registration, o).isEmpty()) {
                String form = "--" + o.getLongNames()[0] + (flag(o) ? "" : " " + placeholder(o));
                out.append(' ').append(o.isRequired() ? form : "[" + form + "]");
            }
        }
        return out.toString();
    }

    private static List<CommandOption> options(CommandRegistration registration) {
        return registration.getOptions().stream()
                .filter(o -> o.getLongNames().length > 0 && !o.getLongNames()[0].equals("help"))
                .sorted(Comparator.comparingInt(CommandOption::getPosition))
                .toList();
    }

    private String optionName(CommandRegistration registration, CommandOption o) {
        String named = "--" + o.getLongNames()[0] + (flag(o) ? "" : " " + placeholder(o));
        return positional(registration, o).map(p -> "<" + o.getLongNames()[0] + ">, " + named).orElse(named);
    }

    /** The option's description, its range and the default it really has (flags are off unless given). */
    private static String description(CommandRegistration registration, CommandOption o) {
        String text = Optional.ofNullable(o.getDescription()).orElse("");
        List<String> notes = new ArrayList<>();
        parameter(registration, o).flatMap(ArgumentCheck::range).ifPresent(notes::add);
        String fallback = o.getDefaultValue();
        if (!flag(o) && fallback != null && !fallback.isBlank() && !text.contains("default")) {
            notes.add("default " + fallback);
        }
        return notes.isEmpty() ? text : text + " (" + String.join(", ", notes) + ")";
    }

    /** The value's placeholder: the option's label, else one from its name or type. */
    private static String placeholder(CommandOption o) {
        if (o.getLabel() != null && !o.getLabel().isBlank()) {
            return o.getLabel();
        }
        String name = o.getLongNames()[0];
        Class<?> type = o.getType() == null ? String.class : o.getType().resolve(String.class);
        if (type == int.class || type == Integer.class || type == long.class || type == double.class) {
            return "N";
        }
        return name.toUpperCase().replace('-', '_') + (multiValued(o) ? "…" : "");
    }

    private static boolean flag(CommandOption o) {
        Class<?> type = o.getType() == null ? null : o.getType().resolve();
        return type == boolean.class || type == Boolean.class;
    }

    private static boolean multiValued(CommandOption o) {
        Class<?> type = o.getType() == null ? null : o.getType().resolve();
        return type != null && (type.isArray() || Iterable.class.isAssignableFrom(type));
    }

    private static Optional<Positional> positional(CommandRegistration registration, CommandOption o) {
        return parameter(registration, o).map(p -> p.getAnnotation(Positional.class));
    }

    private static Optional<Parameter> parameter(CommandRegistration registration, CommandOption o) {
        return method(registration).filter(m -> o.getPosition() >= 0 && o.getPosition() < m.getParameterCount())
                .map(m -> m.getParameters()[o.getPosition()]);
    }

    private static Optional<Method> method(CommandRegistration registration) {
        return Optional.ofNullable(registration.getTarget()).map(CommandRegistration.TargetInfo::getMethod);
    }

    /** A left cell padded to {@code left} columns and a right text wrapped beside it. */
    private String twoColumns(String leftText, int left, String right) {
        String indent = " ".repeat(left + 2);
        if (TerminalText.width(leftText) > left) {
            return leftText + "\n" + wrap(indent, right, indent) + "\n";
        }
        return wrap(TerminalText.padRight(leftText, left) + "  ", right, indent) + "\n";
    }

    private String wrap(String text, String indent) {
        return wrap("", text, indent);
    }

    /** {@code prefix} and the words of {@code text} on lines no wider than the help's width; later lines start with {@code indent}. */
    private String wrap(String prefix, String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(prefix);
        int start = prefix.length();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > start && TerminalText.width(line + " " + word) > width) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
                start = indent.length();
            } else if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }
}
