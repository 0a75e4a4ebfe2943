package io.spock.metadata.app;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables handed to this CLI run (the process's in production, a test's own map in tests), for
 * settings that are not {@code spock.*} properties, such as {@code KIS_APP_KEY} or {@code HTTPS_PROXY}. Nothing
 * reads {@code System.getenv} directly, so that tests can give every run its own environment.
 */
public record CliEnvironment(Map<String, String> variables) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The value of the first of these variables that is set and not blank, trimmed. */
    public Optional<String> first(String... names) {
        for (String name : names) {
            String value = variables.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
