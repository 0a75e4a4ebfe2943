package io.spock.metadata.app;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings ({@code config/application.properties}, {@code SPOCK_*} variables, {@code -D} flags) bound on first use,
 * by the code that needs them: a bad value stops only the commands that use it, with one line naming the setting,
 * the value and what is expected (exit 2), never a Spring stack trace. Settings records carry their defaults as
 * {@code @DefaultValue} and check their values in their constructors with {@link InvalidSettingException}.
 */
public final class Settings {

    private final Binder binder;

    public Settings(Environment environment) {
        this(Binder.get(environment));
    }

    Settings(Binder binder) {
        this.binder = binder;
    }

    /** No values at all: every record comes out with its defaults (for tests and defaults). */
    public static Settings none() {
        return new Settings(new Binder());
    }

    /**
     * The settings under {@code prefix} as an immutable record, defaults filled in.
     *
     * @throws InvalidSettingException (exit 2) for a value of the wrong type or out of range
     */
    public <T> T bind(String prefix, Class<T> type) {
        try {
            return binder.bindOrCreate(prefix, type);
        } catch (BindException e) {
            throw translate(e);
        }
    }

    /**
     * One value, or {@code fallback} when it is not set.
     *
     * @throws InvalidSettingException (exit 2) for a value of the wrong type
     */
    public <T> T value(String name, Class<T> type, T fallback) {
        try {
            return binder.bind(name, type).orElse(fallback);
        } catch (BindException e) {
            throw translate(e);
        }
    }

    /**
     * Checks that a URL setting is an absolute http or https URL with a host.
     *
     * @throws InvalidSettingException otherwise
     */
    public static URI httpUrl(String setting, URI value) {
        boolean valid = value != null && value.getHost() != null
                && ("http".equalsIgnoreCase(value.getScheme()) || "https".equalsIgnoreCase(value.getScheme()));
        InvalidSettingException.check(valid, setting, value == null ? null : Masking.url(value.toString()),
                "an http or https URL such as https://example.com");
        return value;
    }

    /** The failure as one line: our own check if a constructor made one, else the value Spring could not convert. */
    static InvalidSettingException translate(BindException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return invalid;
            }
        }
        BindException deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind && bind.getProperty() != null) {
                deepest = bind;
            }
        }
        ConfigurationProperty property = deepest.getProperty();
        String name = property != null ? property.getName().toString() : deepest.getName().toString();
        Object value = property != null ? property.getValue() : null;
        return new InvalidSettingException(name, value, expected(deepest.getTarget().getType()));
    }

    private static String expected(ResolvableType type) {
        Class<?> raw = type.resolve(Object.class);
        if (raw == Optional.class) {
            raw = type.getGeneric(0).resolve(Object.class);
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "a number";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "a whole number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == Duration.class) {
            return "a duration such as 500ms, 10s or 5m";
        }
        if (raw == URI.class) {
            return "a URL such as https://example.com";
        }
        if (raw == Path.class) {
            return "a file path";
        }
        return "a " + raw.getSimpleName().toLowerCase(Locale.ROOT) + " value";
    }
}
