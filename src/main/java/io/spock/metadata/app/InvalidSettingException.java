package io.spock.metadata.app;

import java.time.Duration;
import java.util.Locale;

/**
 * A setting with a value that cannot be used: one line naming the setting (and its {@code SPOCK_…} variable), the
 * value and what is expected, exit status 2. Secret-looking settings never show their value.
 */
public class InvalidSettingException extends UsageException {

    private final String setting;

    public InvalidSettingException(String setting, Object value, String expected) {
        super("setting " + setting + variable(setting) + " is " + shown(setting, value) + ": expected " + expected);
        this.setting = setting;
    }

    /** @throws InvalidSettingException when {@code valid} is false */
    public static void check(boolean valid, String setting, Object value, String expected) {
        if (!valid) {
            throw new InvalidSettingException(setting, value, expected);
        }
    }

    /** @throws InvalidSettingException when {@code value} is not a duration above 0 */
    public static void checkPositive(String setting, Duration value, String examples) {
        check(value != null && !value.isNegative() && !value.isZero(), setting, value,
                "a duration above 0, such as " + examples);
    }

    /** The property name, e.g. {@code spock.yahoo.rate}. */
    public String setting() {
        return setting;
    }

    /** {@code spock.yahoo.cookie-url} → {@code " (SPOCK_YAHOO_COOKIE_URL)"}; nothing for a variable's own name. */
    private static String variable(String setting) {
        if (!setting.startsWith("spock.")) {
            return "";
        }
        return " (" + setting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT) + ")";
    }

    private static String shown(String setting, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return "empty";
        }
        String lower = setting.toLowerCase(Locale.ROOT);
        if (lower.contains("password") || lower.contains("secret") || lower.contains("token")) {
            return "set (value not shown)";
        }
        String text = value instanceof Duration duration ? duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + "s" : duration.toMillis() + "ms" : value.toString();
        return "'" + Messages.flatten(text) + "'";
    }
}
