package io.spock.metadata.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Operator-facing messages are one line: these turn exception messages and remote text into one. */
public final class Messages {

    private static final int MAX_REMOTE_LENGTH = 200;
    private static final int MAX_QUOTED_LENGTH = 40;

    private Messages() {
    }

    /** The first line of a message, trimmed. */
    public static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    /** A failure's message on one line, or its class name when it has none. */
    public static String of(Throwable failure) {
        String message = failure.getMessage();
        return firstLine(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }

    /** A stack trace as text, with secrets masked, for {@code --verbose}: exception messages carry URLs too. */
    public static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return Masking.text(trace.toString());
    }

    /**
     * Text from a remote service on one line: secrets masked ({@link Masking#text(String)}), whitespace collapsed,
     * then cut to 200 characters, so it cannot break the one-line rule.
     */
    public static String flatten(String text) {
        return flatten(text, List.of());
    }

    /**
     * Like {@link #flatten(String)}, masking the given secret values too (an app secret a server echoes back). The
     * masking comes first: cut first, a secret longer than what is left would show all but its tail.
     */
    public static String flatten(String text, Iterable<String> secrets) {
        String masked = Masking.text(text == null ? "" : text, secrets);
        String flat = masked.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_REMOTE_LENGTH ? flat : flat.substring(0, MAX_REMOTE_LENGTH) + "…";
    }

    /**
     * A value from a file or from the operator, in single quotes for a message: control characters (NUL, ESC, line
     * breaks) written as {@code \\uXXXX}, and cut to 40 characters, so that a hostile value can neither break the
     * one-line rule nor drive the terminal.
     */
    public static String quote(String text) {
        String value = text == null ? "" : text;
        StringBuilder quoted = new StringBuilder("'");
        int shown = Math.min(value.length(), MAX_QUOTED_LENGTH);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append(value.length() > shown ? "…'" : "'").toString();
    }
}
