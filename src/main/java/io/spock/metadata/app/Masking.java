package io.spock.metadata.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that hides secrets in text shown to people or written to logs and history:
 * <ul>
 *   <li>the password of a URL's userinfo: {@code jdbc:postgresql://bob:hunter2@db/spock} → {@code bob:****@db},
 *       also where a driver quotes the {@code bob:hunter2@db} part alone;</li>
 *   <li>{@code key=value} and JSON {@code "key":"value"} secrets: password, secret, app key and secret, token,
 *       cookie, crumb;</li>
 *   <li>on a command line, the values of credential options: {@code --password hunter2} →
 *       {@code --password ****}.</li>
 * </ul>
 * Masking comes before any cutting: a secret cut in half is no longer recognisable.
 */
public final class Masking {

    public static final String MASK = "****";

    /** {@code user:password@host}, with or without a scheme before it (a driver may quote the host part alone). */
    private static final Pattern USERINFO =
            Pattern.compile("(?i)((?:[a-z][a-z0-9+.-]*://)?)([^\\s:/?#@]+):([^\\s@/]+)@(?=[^\\s@])");
    private static final String SECRET_NAMES =
            "crumb|cookie|appkey|appsecret|app_key|app_secret|secret|password|passwd|pwd|token|access_token|api_?key";
    private static final Pattern KEY_VALUE =
            Pattern.compile("(?i)\\b(" + SECRET_NAMES + ")=([^\\s&,;\"']+)");
    private static final Pattern JSON_PAIR =
            Pattern.compile("(?i)(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*\")([^\"]*)(\")");
    private static final Pattern CREDENTIAL_OPTION = Pattern.compile(
            "(?i)(--[a-z0-9-]*(?:password|passwd|secret|token|app-?key|api-?key)[a-z0-9-]*)(=|\\s+)"
                    + "(\"[^\"]*\"|'[^']*'|\\S+)");

    private Masking() {
    }

    /** A URL with the password of its userinfo masked; anything else unchanged. Null stays null. */
    public static String url(String url) {
        return url == null ? null : USERINFO.matcher(url).replaceAll("$1$2:" + MASK + "@");
    }

    /** Free text (a message, a log line, a server's answer) with every URL password and named secret masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = url(text);
        masked = KEY_VALUE.matcher(masked).replaceAll("$1=" + MASK);
        return JSON_PAIR.matcher(masked).replaceAll("$1" + MASK + "$3");
    }

    /** A command line as typed, with credential option values and URL passwords masked (for the shell history). */
    public static String commandLine(String line) {
        if (line == null) {
            return null;
        }
        Matcher option = CREDENTIAL_OPTION.matcher(line);
        return text(option.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK)));
    }

    /** Text with each of the given secret values masked, then the patterns of {@link #text(String)}. */
    public static String text(String text, Iterable<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return text(masked);
    }
}
