package io.spock.metadata.app;

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

    /** Text from a remote service, whitespace collapsed and cut short, so it cannot break the one-line rule. */
    public static String flatten(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
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
