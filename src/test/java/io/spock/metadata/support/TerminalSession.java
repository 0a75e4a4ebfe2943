package io.spock.metadata.support;

import io.spock.metadata.app.CliStreams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The interactive shell in-process, typed into as an operator types: a line, then a wait for the next prompt. Keys
 * such as Ctrl-C act the moment the terminal reads them (its line discipline raises SIGINT), so a test waits for the
 * shell to be at its prompt before pressing them, as a person would.
 */
public final class TerminalSession implements AutoCloseable {

    private static final String PROMPT = "spock:> ";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final Screen out = new Screen();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread shell;
    private final AtomicInteger exitCode = new AtomicInteger(-1);

    private TerminalSession(CliRun cli, int columns) throws IOException {
        PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
        CliStreams streams = new CliStreams(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true, columns);
        shell = new Thread(() -> exitCode.set(cli.runOn(streams)), "terminal-session");
        shell.start();
    }

    /** Opens the shell on a terminal {@code columns} wide and waits for its first prompt. */
    public static TerminalSession open(CliRun cli, int columns) {
        try {
            TerminalSession session = new TerminalSession(cli, columns);
            session.awaitPrompts(1);
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types keys (text, "\n" for Enter, "\u0003" for Ctrl-C, "\t" for Tab). */
    public TerminalSession type(String keys) {
        try {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the shell has shown its prompt {@code count} times in all. */
    public TerminalSession awaitPrompts(int count) {
        out.await(count);
        return this;
    }

    /** Ends the input (as closing the terminal does), waits for the shell to end and returns what it printed. */
    public CliRun.Result finish() {
        close();
        try {
            shell.join(PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shell.isAlive()) {
            throw new AssertionError("the shell did not end; it printed:\n" + out);
        }
        return new CliRun.Result(exitCode.get(), out.toString(), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            keyboard.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the terminal shows, with a way to wait for prompts. */
    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized void await(int prompts) {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (toString().split(PROMPT, -1).length - 1 < prompts) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("no prompt #" + prompts + "; the terminal shows:\n" + this);
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for a prompt");
                }
            }
        }

        @Override
        public synchronized String toString() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
