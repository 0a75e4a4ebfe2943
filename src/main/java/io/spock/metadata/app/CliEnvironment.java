package io.spock.metadata.app;

import java.util.Map;

/**
 * The environment variables handed to this CLI run (the process's in production, a test's own map in tests), for
 * settings that are not {@code spock.*} properties, such as {@code KIS_APP_KEY}.
 */
public record CliEnvironment(Map<String, String> variables) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }
}
