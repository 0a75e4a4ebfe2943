package io.spock.metadata.app;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The process's standard streams, passed around so that tests can run the CLI in-process.
 *
 * @param stdinIsTerminal whether standard input is an interactive terminal (decides interactive vs piped mode)
 */
public record CliStreams(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal) {

    /** The real streams; the launcher says whether stdin is a terminal ({@code -Dspock.stdin.tty}). */
    public static CliStreams system() {
        String tty = System.getProperty("spock.stdin.tty");
        boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
        return new CliStreams(System.in, System.out, System.err, terminal);
    }
}
