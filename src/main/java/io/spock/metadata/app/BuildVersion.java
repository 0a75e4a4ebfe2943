package io.spock.metadata.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What was built: the version, the git commit and the build time, read from the jar's
 * {@code META-INF/build-info.properties} (Spring Boot's {@code build-info} goal) and {@code git.properties}
 * (git-commit-id-maven-plugin). Each is "unknown" when the build did not record it (no git folder, say).
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit  the abbreviated commit id, with {@code -dirty} when the work tree had changes
 * @param built   the build time, ISO-8601 in UTC
 */
public record BuildVersion(String version, String commit, String built) {

    private static final String UNKNOWN = "unknown";

    /** This build's version, from the class path. */
    public static BuildVersion current() {
        Properties build = load("META-INF/build-info.properties");
        Properties git = load("git.properties");
        String commit = git.getProperty("git.commit.id.abbrev", UNKNOWN);
        if (!commit.equals(UNKNOWN) && "true".equals(git.getProperty("git.dirty"))) {
            commit += "-dirty";
        }
        return new BuildVersion(build.getProperty("build.version", UNKNOWN), commit,
                build.getProperty("build.time", UNKNOWN));
    }

    /** {@code spock 0.1.0-SNAPSHOT (commit 1a2b3c4, built 2025-11-30T18:01:02.123Z)}. */
    public String line() {
        return "spock " + version + " (commit " + commit + ", built " + built + ")";
    }

    /** The three fields as JSON keys {@code version}, {@code commit}, {@code built}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version);
        json.put("commit", commit);
        json.put("built", built);
        return json;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = BuildVersion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
