package io.spock.metadata.app;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The process's standard streams, passed around so that tests can run the CLI in-process.
 *
 * @param stdinIsTerminal whether standard input is an interactive terminal (decides interactive vs piped mode)
 * @param columns         the width of the terminal stdout goes to, in columns; 0 when stdout is a pipe or a file
 *                        (which get whole tables)
 */
public record CliStreams(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal, int columns) {

    public CliStreams(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal) {
        this(in, out, err, stdinIsTerminal, 0);
    }

    /**
     * The real streams; the launcher says whether stdin is a terminal ({@code -Dspock.stdin.tty}) and how wide the
     * terminal on stdout is ({@code -Dspock.stdout.columns}, absent when stdout is not a terminal).
     */
    public static CliStreams system() {
        String tty = System.getProperty("spock.stdin.tty");
        boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
        return new CliStreams(System.in, System.out, System.err, terminal,
                columns(System.getProperty("spock.stdout.columns")));
    }

    static int columns(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
