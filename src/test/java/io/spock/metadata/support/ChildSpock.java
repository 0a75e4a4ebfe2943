package io.spock.metadata.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts {@code ./spock} as a separate JVM on the test classpath, as cron or a second operator would. */
public final class ChildSpock {

    /**
     * A job started in the background by a non-interactive shell ({@code .ci/run &}, nohup) ignores SIGINT, and
     * the children inherit that: coreutils' {@code env --default-signal} gives the child Ctrl-C back, as an operator's
     * terminal has it. Empty where that option is missing.
     */
    private static final List<String> DEFAULT_SIGNALS = probeDefaultSignals();

    private ChildSpock() {
    }

    private static List<String> probeDefaultSignals() {
        List<String> prefix = List.of("env", "--default-signal=INT");
        try {
            Process probe = new ProcessBuilder(new ArrayList<>(List.of("env", "--default-signal=INT", "true")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 ? prefix : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * @param env  extra environment ({@code SPOCK_DB}, {@code SPOCK_YAHOO_URL}, …)
     * @param logs where the child's stdout and stderr go
     */
    public static Process start(Map<String, String> env, Path logs, String... args) throws IOException {
        List<String> command = new ArrayList<>(DEFAULT_SIGNALS);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Dspock.home=" + Path.of("").toAbsolutePath(),
                "-Dspock.stdin.tty=false",
                "-cp", System.getProperty("java.class.path"),
                "io.spock.metadata.app.SpockApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolveSibling(logs.getFileName() + ".out").toFile())
                .redirectError(logs.resolveSibling(logs.getFileName() + ".err").toFile());
        builder.environment().put("SPOCK_DEMO", "false");
        BulkSourcesOff.PROPERTIES.forEach((key, value) -> builder.environment()
                .put(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", ""), value));
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * Runs {@code ./spock ARGS} to the end and returns what it printed; a child still running after
     * {@code timeoutSeconds} is killed and fails the calling test.
     */
    public static Result run(Map<String, String> env, Path logs, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Process child = start(env, logs, args);
        child.getOutputStream().close();
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("./spock " + String.join(" ", args) + " still running after " + timeoutSeconds
                    + " s");
        }
        return new Result(child.exitValue(), Files.readString(stdout(logs).toPath()),
                Files.readString(stderr(logs).toPath()));
    }

    /** What a child printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    public static File stdout(Path logs) {
        return logs.resolveSibling(logs.getFileName() + ".out").toFile();
    }

    public static File stderr(Path logs) {
        return logs.resolveSibling(logs.getFileName() + ".err").toFile();
    }
}
