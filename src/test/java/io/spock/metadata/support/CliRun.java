package io.spock.metadata.support;

import io.spock.metadata.app.CliStreams;
import io.spock.metadata.app.SpockCli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process against a database in a temporary folder and captures what it prints. */
public final class CliRun {

    private final Path home;
    private final Map<String, Object> properties = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    public CliRun(Path home) {
        this.home = home;
        properties.put("spock.home", home.toString());
        properties.put("spock.db", home.resolve("test.db").toString());
        BulkSourcesOff.PROPERTIES.forEach(properties::put);
    }

    /**
     * Reads the project's {@code config/} (the mapping files) while the database and the shell history stay in
     * the temporary folder.
     */
    public CliRun withProjectConfig() {
        properties.put("spock.home", Path.of("").toAbsolutePath().toString());
        properties.put("spring.shell.history.name", home.resolve("shell-history.log").toString());
        return this;
    }

    public CliRun property(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /**
     * Yahoo on a closed port, as on a machine without network, with millisecond retries: runs finish quickly with
     * the Yahoo-path tickers deferred.
     */
    public CliRun yahooUnreachable() {
        return property("spock.yahoo.url", "http://127.0.0.1:1")
                .property("spock.yahoo.cookie-url", "http://127.0.0.1:1/cookie")
                .property("spock.yahoo.retry.initial-delay", "1ms")
                .property("spock.yahoo.retry.max-delay", "2ms");
    }

    public CliRun env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public Path home() {
        return home;
    }

    public Result run(String... args) {
        return runWithStdin(null, args);
    }

    /** Runs with {@code stdin} piped in (not a terminal), as {@code ./spock < file} does. */
    public Result runWithStdin(String stdin, String... args) {
        return execute(stdin, false, args);
    }

    /** Runs the interactive shell, typing {@code keystrokes} into it. */
    public Result interactive(String keystrokes) {
        return interactive(keystrokes, 0);
    }

    /** Runs the interactive shell on a terminal {@code columns} wide (0: unknown), typing {@code keystrokes} into it. */
    public Result interactive(String keystrokes, int columns) {
        return execute(keystrokes, true, columns);
    }

    private Result execute(String stdin, boolean terminal, String... args) {
        return execute(stdin, terminal, 0, args);
    }

    private Result execute(String stdin, boolean terminal, int columns, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] input = stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8);
        CliStreams streams = new CliStreams(new ByteArrayInputStream(input),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal, columns);
        Map<String, Object> overrides = new HashMap<>(properties);
        int code = new SpockCli(streams, env, overrides).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the CLI on the given streams and returns its exit status (a {@link TerminalSession} drives it). */
    int runOn(CliStreams streams, String... args) {
        return new SpockCli(streams, env, new HashMap<>(properties)).run(args);
    }

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        /** Standard output without the terminal's escape sequences (colours, cursor movement). */
        public String plainOut() {
            return out.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
        }

        /** Error lines only: log lines from the console appender are left out. */
        public String errors() {
            return err.lines().filter(l -> l.startsWith("error:")).reduce((a, b) -> a + "\n" + b).orElse("");
        }
    }
}
