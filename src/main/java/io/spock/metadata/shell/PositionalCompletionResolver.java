package io.spock.metadata.shell;

import io.spock.metadata.app.Positional;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionResolver;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Completes option values typed positionally ({@code inspect-ticker AA<Tab>}), which Spring Shell 3.4 only
 * completes after the option's name (its issue #923). A bare word fills the first {@link Positional} option not
 * yet given by name, as {@code app/ArgumentCheck} assigns it.
 */
@Component
public class PositionalCompletionResolver implements CompletionResolver {

    @Override
    public List<CompletionProposal> apply(CompletionContext context) {
        CommandRegistration registration = context.getCommandRegistration();
        String current = Optional.ofNullable(context.currentWordUpToCursor()).orElse("");
        if (registration == null || current.startsWith("-")) {
            return List.of();
        }
        List<CommandOption> options = registration.getOptions();
        List<String> words = context.getWords();
        Set<CommandOption> named = new HashSet<>();
        int bareWords = 0;
        for (int i = 0; i < context.getWordIndex() && i < words.size(); i++) {
            Optional<CommandOption> option = byName(options, words.get(i));
            if (option.isPresent()) {
                named.add(option.get());
                if (i == context.getWordIndex() - 1 && takesValue(option.get())) {
                    return List.of();
                }
                if (takesValue(option.get())) {
                    i++;
                }
            } else if (!words.get(i).startsWith("-")) {
                bareWords++;
            }
        }
        List<CommandOption> positional = new ArrayList<>(options.stream()
                .filter(o -> !named.contains(o) && takesValue(o) && isPositional(registration, o))
                .toList());
        positional.sort(Comparator.comparingInt(CommandOption::getPosition));
        if (bareWords >= positional.size()) {
            return List.of();
        }
        CommandOption target = positional.get(bareWords);
        if (target.getCompletion() == null) {
            return List.of();
        }
        return target.getCompletion().apply(context.commandOption(target));
    }

    private static Optional<CommandOption> byName(List<CommandOption> options, String word) {
        if (word.startsWith("--")) {
            String name = word.substring(2);
            return options.stream().filter(o -> Arrays.asList(o.getLongNames()).contains(name)).findFirst();
        }
        if (word.length() == 2 && word.charAt(0) == '-') {
            char name = word.charAt(1);
            return options.stream().filter(o -> Arrays.asList(o.getShortNames()).contains(name)).findFirst();
        }
        return Optional.empty();
    }

    private static boolean isPositional(CommandRegistration registration, CommandOption option) {
        Method method = registration.getTarget() == null ? null : registration.getTarget().getMethod();
        return method != null && option.getPosition() >= 0 && option.getPosition() < method.getParameterCount()
                && method.getParameters()[option.getPosition()].isAnnotationPresent(Positional.class);
    }

    private static boolean takesValue(CommandOption option) {
        Class<?> type = option.getType() == null ? null : option.getType().resolve();
        return option.getArityMax() != 0 && type != boolean.class && type != Boolean.class;
    }
}
