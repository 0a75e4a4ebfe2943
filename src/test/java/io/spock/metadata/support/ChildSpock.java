package io.spock.metadata.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code ./spock} as a separate JVM on the test classpath, as cron or a second operator would. */
public final class ChildSpock {

    private ChildSpock() {
    }

    /**
     * @param env  extra environment ({@code SPOCK_DB}, {@code SPOCK_YAHOO_URL}, …)
     * @param logs where the child's stdout and stderr go
     */
    public static Process start(Map<String, String> env, Path logs, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
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

    public static File stdout(Path logs) {
        return logs.resolveSibling(logs.getFileName() + ".out").toFile();
    }

    public static File stderr(Path logs) {
        return logs.resolveSibling(logs.getFileName() + ".err").toFile();
    }
}
