package io.spock.metadata.app;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.annotation.Option;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a command line's words against the command's options before Spring Shell parses them, so that each mistake
 * is one line saying what to type: an unknown option (with the closest name), a value of the wrong type or range
 * ({@code --max-workers: expected a whole number from 1 to 10, got 'abc'}, the range from the parameter's
 * {@code @Min}/{@code @Max} or {@code @DecimalMin}/{@code @DecimalMax}), a bare word that no {@link Positional}
 * option takes, and a missing required value ({@code inspect-ticker needs a ticker, e.g. inspect-ticker AAPL}).
 * Commands declared without {@code @Option} parameters (Spring Shell's built-ins) are left to Spring Shell.
 */
public final class ArgumentCheck {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private final String command;
    private final List<Slot> slots = new ArrayList<>();

    /**
     * An option and the method parameter it fills; null for an option a command registers in code (the ticker
     * filters), whose own reading checks its values: here it is only known by name and arity.
     */
    private record Slot(CommandOption option, Parameter parameter) {

        String name() {
            return "--" + option.getLongNames()[0];
        }

        Class<?> type() {
            return parameter != null ? parameter.getType() : option.getType().resolve(String.class);
        }

        /** A flag: a boolean parameter, or an option in code that may go without its value ({@code --spac}). */
        boolean flag() {
            Class<?> type = type();
            return type == boolean.class || type == Boolean.class || parameter == null && option.getArityMin() == 0;
        }

        /** Whether the word after a flag is its value (an option in code checks its own value when read). */
        boolean flagValue(String word) {
            return parameter == null ? !isOptionName(word) : isBoolean(word);
        }

        /** A parameter whose value may be left out ({@code enrich --wait [SECONDS]}). */
        boolean valueOptional() {
            return parameter != null && !flag() && option.getArityMin() == 0 && option.getArityMax() == 1;
        }

        boolean multiValued() {
            return parameter != null && (type().isArray() || Iterable.class.isAssignableFrom(type()));
        }

        Optional<Positional> positional() {
            return Optional.ofNullable(parameter == null ? null : parameter.getAnnotation(Positional.class));
        }
    }

    private ArgumentCheck(String command, List<Slot> slots) {
        this.command = command;
        this.slots.addAll(slots);
    }

    /** The check for a command, or empty for commands that do not declare {@code @Option} parameters. */
    static Optional<ArgumentCheck> of(String command, CommandRegistration registration) {
        Method method = registration.getTarget() == null ? null : registration.getTarget().getMethod();
        if (method == null) {
            return Optional.empty();
        }
        Parameter[] parameters = method.getParameters();
        if (Arrays.stream(parameters).noneMatch(p -> p.isAnnotationPresent(Option.class))) {
            return Optional.empty();
        }
        List<Slot> slots = new ArrayList<>();
        for (CommandOption option : registration.getOptions()) {
            int position = option.getPosition();
            if (option.getLongNames().length == 0) {
                continue;
            }
            boolean filled = position >= 0 && position < parameters.length
                    && parameters[position].isAnnotationPresent(Option.class);
            slots.add(new Slot(option, filled ? parameters[position] : null));
        }
        slots.sort(Comparator.comparingInt(s -> s.option().getPosition()));
        return Optional.of(new ArgumentCheck(command, slots));
    }

    /**
     * @param args the words after the command's name
     * @throws UsageException for the first mistake found
     */
    void check(List<String> args) {
        Set<Slot> given = new HashSet<>();
        List<String> bare = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (!isOptionName(word)) {
                bare.add(word);
                continue;
            }
            Slot slot = byName(word).orElseThrow(() -> unknownOption(word));
            given.add(slot);
            if (slot.flag()) {
                if (i + 1 < args.size() && slot.flagValue(args.get(i + 1))) {
                    i++;
                }
                continue;
            }
            int values = 0;
            while (i + 1 < args.size() && (values == 0 && !(slot.valueOptional() && isOptionName(args.get(i + 1)))
                    || values > 0 && slot.multiValued() && !isOptionName(args.get(i + 1)))) {
                checkValue(slot, args.get(++i));
                values++;
            }
            if (values == 0 && !slot.valueOptional()) {
                throw new UsageException(slot.name() + " needs a value" + expected(slot).map(e -> ": " + e).orElse(""));
            }
        }
        List<Slot> positional = slots.stream().filter(s -> s.positional().isPresent() && !given.contains(s)).toList();
        int next = 0;
        for (int k = 0; k < bare.size(); k++) {
            if (next >= positional.size()) {
                throw unexpectedWord(bare, k);
            }
            Slot slot = positional.get(next);
            checkValue(slot, bare.get(k));
            given.add(slot);
            if (!slot.multiValued()) {
                next++;
            }
        }
        for (Slot slot : slots) {
            if (slot.option().isRequired() && !given.contains(slot)) {
                throw missing(slot);
            }
        }
    }

    /** The bounds a parameter's Jakarta Validation annotations set ("1 to 10", "0 or more"), if any. */
    public static Optional<String> range(Parameter parameter) {
        String text = Range.of(parameter).text();
        return text.isEmpty() ? Optional.empty() : Optional.of(text.replaceFirst("^ (from |of )?", ""));
    }

    private static boolean isOptionName(String word) {
        return word.startsWith("--") && word.length() > 2
                || word.length() == 2 && word.charAt(0) == '-' && Character.isLetter(word.charAt(1));
    }

    private static boolean isBoolean(String word) {
        return word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false");
    }

    private Optional<Slot> byName(String word) {
        if (word.startsWith("--")) {
            String name = word.substring(2);
            return slots.stream().filter(s -> Arrays.asList(s.option().getLongNames()).contains(name)).findFirst();
        }
        char name = word.charAt(1);
        return slots.stream().filter(s -> Arrays.asList(s.option().getShortNames()).contains(name)).findFirst();
    }

    private UsageException unknownOption(String word) {
        String closest = slots.stream().map(Slot::name)
                .filter(name -> DISTANCE.apply(name, word) >= 0)
                .min(Comparator.comparingInt(name -> DISTANCE.apply(name, word))).orElse(null);
        return new UsageException(command + ": unknown option '" + word + "'"
                + (closest == null ? "; 'help " + command + "' lists them" : "; did you mean " + closest + "?"));
    }

    private UsageException unexpectedWord(List<String> bare, int extra) {
        List<Slot> positional = slots.stream().filter(s -> s.positional().isPresent()).toList();
        String takes = positional.isEmpty() ? command + " takes no value without an option name"
                : command + " takes " + String.join(" ", positional.stream().map(s -> "<" + s.option().getLongNames()[0]
                + ">").toList()) + " and then options";
        String hint = extra > 0 && !positional.isEmpty()
                ? "; a value with spaces needs quotes: \"" + bare.get(extra - 1) + " " + bare.get(extra) + "\""
                : "; see 'help " + command + "'";
        return new UsageException("unexpected word '" + bare.get(extra) + "': " + takes + hint);
    }

    private UsageException missing(Slot slot) {
        Optional<Positional> positional = slot.positional();
        if (positional.isPresent()) {
            StringBuilder example = new StringBuilder(command);
            for (Slot s : slots) {
                if (s.positional().isPresent() && s.option().getPosition() <= slot.option().getPosition()) {
                    example.append(' ').append(s.positional().get().example());
                }
            }
            return new UsageException(command + " needs a " + slot.option().getLongNames()[0] + ", e.g. " + example);
        }
        return new UsageException(command + " needs " + slot.name() + expected(slot).map(e -> " (" + e + ")")
                .orElse(slot.option().getDescription() == null ? "" : " (" + slot.option().getDescription() + ")"));
    }

    private void checkValue(Slot slot, String value) {
        Class<?> type = slot.type();
        BigDecimal number;
        try {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                number = new BigDecimal(Long.parseLong(value.trim()));
            } else if (type == double.class || type == Double.class) {
                number = new BigDecimal(value.trim());
            } else if (slot.flag()) {
                if (!slot.flagValue(value)) {
                    throw new NumberFormatException();
                }
                return;
            } else {
                return;
            }
        } catch (NumberFormatException e) {
            throw badValue(slot, value);
        }
        Range range = Range.of(slot.parameter());
        if (!range.contains(number)) {
            throw badValue(slot, value);
        }
    }

    private UsageException badValue(Slot slot, String value) {
        return new UsageException(slot.name() + ": expected " + expected(slot).orElse("a value") + ", got '" + value
                + "'");
    }

    private static Optional<String> expected(Slot slot) {
        Class<?> type = slot.type();
        Range range = Range.of(slot.parameter());
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Optional.of("a whole number" + range.text());
        }
        if (type == double.class || type == Double.class) {
            return Optional.of("a number" + range.text());
        }
        if (slot.flag()) {
            return Optional.of("true or false");
        }
        return Optional.empty();
    }

    /** Bounds from Jakarta Validation annotations on a parameter; null means unbounded. */
    private record Range(BigDecimal min, BigDecimal max) {

        static Range of(Parameter parameter) {
            if (parameter == null) {
                return new Range(null, null);
            }
            BigDecimal min = null;
            BigDecimal max = null;
            if (parameter.getAnnotation(Min.class) != null) {
                min = BigDecimal.valueOf(parameter.getAnnotation(Min.class).value());
            }
            if (parameter.getAnnotation(DecimalMin.class) != null) {
                min = new BigDecimal(parameter.getAnnotation(DecimalMin.class).value());
            }
            if (parameter.getAnnotation(Max.class) != null) {
                max = BigDecimal.valueOf(parameter.getAnnotation(Max.class).value());
            }
            if (parameter.getAnnotation(DecimalMax.class) != null) {
                max = new BigDecimal(parameter.getAnnotation(DecimalMax.class).value());
            }
            return new Range(min, max);
        }

        boolean contains(BigDecimal value) {
            return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
        }

        String text() {
            if (min != null && max != null) {
                return " from " + plain(min) + " to " + plain(max);
            }
            if (min != null) {
                return " of " + plain(min) + " or more";
            }
            return max != null ? " up to " + plain(max) : "";
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
        }
    }
}
