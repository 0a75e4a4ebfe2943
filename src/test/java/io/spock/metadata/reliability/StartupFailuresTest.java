package io.spock.metadata.reliability;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.store.Database;
import io.spock.metadata.support.ChildSpock;
import io.spock.metadata.support.FakePostgres;
import io.spock.metadata.support.SpecialFiles;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.universe.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way the store or a setting can be wrong when {@code ./spock} starts, each in a real child process, as cron
 * would run it: one line on stderr, the documented exit status, nothing else (no Spring report, no stack trace) and
 * nothing on stdout. The bad-input catalog runs in-process and cannot see what a process prints while it starts.
 */
@Timeout(180)
class StartupFailuresTest {

    private static final long CHILD_TIMEOUT_SECONDS = 150;

    @TempDir
    Path dir;

    private ChildSpock.Result spock(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "SPOCK_YAHOO_URL", "http://127.0.0.1:1",
                "SPOCK_YAHOO_COOKIE_URL", "http://127.0.0.1:1/cookie",
                "LOGGING_FILE_PATH", dir.resolve("logs").toString()));
        env.putAll(extra);
        return ChildSpock.run(env, dir.resolve("child-" + System.nanoTime()), CHILD_TIMEOUT_SECONDS, args);
    }

    private ChildSpock.Result status(String spockDb) throws Exception {
        return spock(Map.of("SPOCK_DB", spockDb), "status");
    }

    private static void assertRefused(ChildSpock.Result result, int exitCode, String line) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.err()).isEqualTo("error: " + line + "\n");
        assertThat(result.out()).isEmpty();
    }

    private Path database(String name, int listings) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        try (Database db = TestStore.open(folder)) {
            TestStore.add(db, IntStream.range(0, listings)
                    .mapToObj(i -> TestStore.listing("NAS", String.format("T%04d", i), "730"))
                    .toArray(Listing[]::new));
        }
        return folder.resolve("store.db");
    }

    @Test
    void aDirectory() throws Exception {
        assertRefused(status(dir.toString()), ExitCodes.ERROR,
                "cannot open database " + dir + ": it is a directory, not a database file");
    }

    @Test
    void aTruncatedDatabase() throws Exception {
        Path file = database("truncated", 2_000);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }

        assertRefused(status(file.toString()), ExitCodes.ERROR,
                "database " + file + " is damaged (SQLITE_CORRUPT): restore it from a backup");
    }

    @Test
    void aFileThatIsNotSqlite() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.db"), "not a database, just words long enough\n".repeat(40));

        assertRefused(status(file.toString()), ExitCodes.ERROR,
                "cannot open database " + file + ": not a SQLite database (a truncated file, or another kind of file)");
    }

    @Test
    void aDatabaseOnAReadOnlyMount() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        try (AutoCloseable mounted = SpecialFiles.tinyFileSystem(mount, 1024)) {
            try (Database db = TestStore.open(mount)) {
                TestStore.add(db, TestStore.listing("NAS", "AAPL", "730"));
            }
            SpecialFiles.readOnly(mount);
            Path file = mount.resolve("store.db");

            assertRefused(status(file.toString()), ExitCodes.ERROR, "cannot open database " + file
                    + ": its file system is read-only (a read-only mount?): SQLite needs to write beside the file");
            assertRefused(status(mount.resolve("new.db").toString()), ExitCodes.ERROR, "cannot open database "
                    + mount.resolve("new.db") + ": cannot create it: directory " + mount + " is read-only");
        }
    }

    @Test
    void aMissingFolder() throws Exception {
        Path file = dir.resolve("missing/spock.db");

        assertRefused(status(file.toString()), ExitCodes.ERROR,
                "cannot open database " + file + ": directory " + file.getParent() + " does not exist");
    }

    @Test
    void aMysqlUrl() throws Exception {
        assertRefused(status("jdbc:mysql://db.example/spock"), ExitCodes.USAGE, "SPOCK_DB: unsupported database URL "
                + "'jdbc:mysql://db.example/spock' (use a SQLite file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
    }

    @Test
    void aSqliteFileUrlOpensItsFileAndNamesAMissingFolder() throws Exception {
        Path file = database("uri", 1);
        String missing = "jdbc:sqlite:file:" + dir.resolve("nowhere/spock.db") + "?cache=shared";

        ChildSpock.Result opened = status("jdbc:sqlite:file:" + file + "?cache=shared");

        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("US");
        assertRefused(status(missing), ExitCodes.ERROR,
                "cannot open database " + missing + ": directory " + dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void aLockHeldByAnotherProcessStopsWritersOnlyAndIsNamed() throws Exception {
        Path file = database("locked", 1);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("update tickers set name_en = name_en");
            }
            Map<String, String> env = Map.of("SPOCK_DB", file.toString(), "SPOCK_DB_BUSY_TIMEOUT", "1s");

            ChildSpock.Result reader = spock(env, "status");
            ChildSpock.Result writer = spock(env, "map-sector", "T0000", "45");

            assertThat(reader.exitCode()).as(reader.err()).isZero();
            assertThat(reader.err()).isEmpty();
            assertRefused(writer, ExitCodes.ERROR, "database is locked by another process (waited 1 s)");
            other.rollback();
        }
    }

    @Test
    void aWrongPostgresPassword() throws Exception {
        try (FakePostgres server = new FakePostgres()) {
            String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/spock";

            ChildSpock.Result result = spock(Map.of("SPOCK_DB", url, "SPOCK_DB_USER", "bob",
                    "SPOCK_DB_PASSWORD", "hunter2-secret"), "status");

            assertRefused(result, ExitCodes.ERROR, "cannot open database " + url
                    + ": FATAL: password authentication failed for user \"bob\" (check SPOCK_DB_USER and "
                    + "SPOCK_DB_PASSWORD)");
            assertThat(logs()).doesNotContain("hunter2-secret");
        }
    }

    @Test
    void aBadYahooSettingStopsOnlyTheCommandsThatAskYahoo() throws Exception {
        Map<String, String> env = Map.of("SPOCK_DB", database("settings", 1).toString(), "SPOCK_YAHOO_RATE", "abc");

        ChildSpock.Result status = spock(env, "status");
        ChildSpock.Result enrich = spock(env, "enrich", "--regions", "US");
        ChildSpock.Result badUrl = spock(Map.of("SPOCK_DB", env.get("SPOCK_DB"), "SPOCK_YAHOO_URL", "ht tp://yahoo"),
                "enrich", "--regions", "US");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.err()).isEmpty();
        assertRefused(enrich, ExitCodes.USAGE, "setting spock.yahoo.rate (SPOCK_YAHOO_RATE) is 'abc': expected a number");
        assertRefused(badUrl, ExitCodes.USAGE, "setting spock.yahoo.url (SPOCK_YAHOO_URL) is 'ht tp://yahoo': expected "
                + "a URL such as https://example.com");
    }

    @Test
    void aBadSettingEveryCommandNeedsIsOneLineExitTwo() throws Exception {
        assertRefused(spock(Map.of("SPOCK_DB", database("busy", 1).toString(), "SPOCK_DB_BUSY_TIMEOUT", "soon"),
                "status"), ExitCodes.USAGE, "setting spock.db-busy-timeout (SPOCK_DB_BUSY_TIMEOUT) is 'soon': "
                + "expected a duration such as 500ms, 10s or 5m");
    }

    private String logs() throws IOException {
        Path log = dir.resolve("logs/spock.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
