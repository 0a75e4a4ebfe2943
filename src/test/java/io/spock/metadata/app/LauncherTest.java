package io.spock.metadata.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./spock} launcher, run as a child process in a copy of the project with stand-ins for {@code mvn} and
 * {@code java} on the PATH: the stand-in build writes a jar that names its build, the stand-in JVM extracts it, records
 * an archive, and when run prints which build it runs from which folder.
 */
class LauncherTest {

    private static final String FAKE_MVN = """
            #!/usr/bin/env bash
            echo build >>"$FAKE_LOG"
            [ -n "${FAKE_MVN_WAIT:-}" ] && while [ ! -f "$FAKE_MVN_WAIT" ]; do sleep 0.05; done
            mkdir -p target
            echo "build-$(wc -l <"$FAKE_LOG" | tr -d ' ')" >target/spock.jar
            """;
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            if [ "$1" = "-Djarmode=tools" ]; then
              mkdir -p "$6" && cp "$3" "$6/spock.jar" && mkdir "$6/lib"; exit 0
            fi
            jar=""; archive=""; prev=""; args=()
            for a in "$@"; do
              case "$a" in -XX:ArchiveClassesAtExit=*) archive="${a#*=}" ;; esac
              if [ "$prev" = "-jar" ]; then jar="$a"
              elif [ -n "$jar" ]; then args+=("$a"); fi
              prev="$a"
            done
            if [ -n "$archive" ]; then touch "$archive"; exit 0; fi
            echo "ran $(cat "$jar") from $(dirname "$jar") args ${args[*]:-none}"
            [ -n "${FAKE_JAVA_HOLD:-}" ] && while [ ! -f "$FAKE_JAVA_HOLD" ]; do sleep 0.05; done
            exit 0
            """;

    @TempDir
    Path project;
    Path bin;
    Path log;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        Files.copy(Path.of("spock"), project.resolve("spock"));
        for (String file : List.of("pom.xml", "src/main/Main.java", "db/migration/V1.sql", "db/demo_universe.csv")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), "x");
            Files.setLastModifiedTime(project.resolve(file), FileTime.from(Instant.now().minusSeconds(3600)));
        }
        bin = Files.createDirectories(project.resolve("fake-bin"));
        executable(bin.resolve("mvn"), FAKE_MVN);
        executable(bin.resolve("java"), FAKE_JAVA);
        log = project.resolve("fake.log");
        Files.writeString(log, "");
        Path tools = Files.createDirectories(project.resolve("tools"));
        for (String tool : TOOLS) {
            Path real = which(tool);
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        env.put("PATH", bin + ":" + tools);
        env.put("FAKE_LOG", log.toString());
    }

    /** What the launcher and the stand-ins call, without Maven: a test can then take the stand-in mvn away. */
    private static final List<String> TOOLS = List.of("bash", "dirname", "find", "head", "cat", "mkdir", "rm",
            "sleep", "ps", "mktemp", "date", "touch", "mv", "basename", "ls", "cp", "wc", "tr");

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(tool + " is not on the PATH");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("spock").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        return builder.start();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run finish(Process process) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Run run(String... args) throws Exception {
        return finish(start(args));
    }

    private static String folder(Run run) {
        Matcher m = Pattern.compile("from (\\S+) args").matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return m.group(1);
    }

    private int builds() throws IOException {
        return (int) Files.readAllLines(log).stream().filter("build"::equals).count();
    }

    /** What {@code mvn -B -q -DskipTests package} run by hand does: a new jar, newer than any extraction. */
    private void packageByHand(String name) throws IOException {
        Path jar = project.resolve("target/spock.jar");
        Files.writeString(jar, name + "\n");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    }

    @Test
    void theFirstStartBuildsExtractsAndRunsWithTheArguments() throws Exception {
        Run first = run("status", "--format", "json");
        Run second = run("version");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("ran build-1").contains("args status --format json");
        assertThat(second.out()).contains("ran build-1").contains("args version");
        assertThat(builds()).isEqualTo(1);
        assertThat(Path.of(folder(first)).resolve("spock.jsa")).exists();
    }

    @Test
    void aJarBuiltByHandIsExtractedAndRunNotThePreviousBuild() throws Exception {
        run("status");
        packageByHand("by-hand");

        Run after = run("status");

        assertThat(after.out()).contains("ran by-hand");
        assertThat(builds()).isEqualTo(1);
    }

    @Test
    void twoStartsAtOnceBuildOnceAndBothRun() throws Exception {
        Path release = project.resolve("release-build");
        env.put("FAKE_MVN_WAIT", release.toString());
        Process one = start("status");
        Process two = start("status");
        Files.writeString(release, "go");

        Run first = finish(one);
        Run second = finish(two);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.out()).contains("ran build-1");
        assertThat(second.out()).contains("ran build-1");
        assertThat(builds()).isEqualTo(1);
        assertThat(project.resolve("target/.spock-launch.lock")).doesNotExist();
    }

    @Test
    void aFolderARunningProcessStartedFromIsNeverDeleted() throws Exception {
        Path release = project.resolve("release-run");
        env.put("FAKE_JAVA_HOLD", release.toString());
        Process cronJob = start("enrich");
        String cronFolder = awaitFolder(cronJob);
        env.remove("FAKE_JAVA_HOLD");
        packageByHand("rebuilt");

        Run meanwhile = run("status");

        assertThat(meanwhile.out()).contains("ran rebuilt");
        assertThat(folder(meanwhile)).isNotEqualTo(cronFolder);
        assertThat(Path.of(cronFolder).resolve("spock.jar")).exists();

        Files.writeString(release, "go");
        assertThat(finish(cronJob).exitCode()).isZero();
        packageByHand("rebuilt-again");
        run("status");
        assertThat(Path.of(cronFolder)).doesNotExist();
    }

    private static String awaitFolder(Process process) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = process.getInputStream().read()) != -1 && c != '\n'; ) {
            line.append((char) c);
        }
        Matcher m = Pattern.compile("from (\\S+) args").matcher(line);
        assertThat(m.find()).as(line.toString()).isTrue();
        return m.group(1);
    }

    @Test
    void withoutMavenAnExistingJarRunsAndTheLauncherSaysSo() throws Exception {
        run("status");
        Files.delete(bin.resolve("mvn"));
        Files.setLastModifiedTime(project.resolve("src/main/Main.java"), FileTime.from(Instant.now().plusSeconds(60)));

        Run stale = run("status");

        assertThat(stale.exitCode()).isZero();
        assertThat(stale.err()).contains("mvn not found: running the existing target/spock.jar");
        assertThat(stale.out()).contains("ran build-1");
    }

    @Test
    void withoutMavenOrAJarTheLauncherSaysWhatToInstall() throws Exception {
        Files.delete(bin.resolve("mvn"));

        Run none = run("status");

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("mvn not found and there is no target/spock.jar");
    }

    @Test
    void noArrayThatMayBeEmptyIsExpandedBareForBash32() throws IOException {
        String script = Files.readString(Path.of("spock"));

        Matcher bare = Pattern.compile("(?<!\\+)\"\\$\\{(\\w+)\\[@]}\"").matcher(script);
        while (bare.find()) {
            assertThat(bare.group(1)).as("arrays expanded bare must never be empty").isEqualTo("jvm");
        }
    }
}
