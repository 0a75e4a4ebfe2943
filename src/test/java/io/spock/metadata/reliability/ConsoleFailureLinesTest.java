package io.spock.metadata.reliability;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.store.Database;
import io.spock.metadata.support.ChildSpock;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.universe.Listing;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region that fails while enriching (the store refuses every write, as a full disk does): the console of a child
 * {@code ./spock} gets one line per failure and no stack trace; the stack trace goes to the log file. With
 * {@code --verbose} the console shows it too.
 */
@Timeout(180)
class ConsoleFailureLinesTest {

    @TempDir
    Path dir;

    @Test
    void aFailingRegionIsOneLinePerFailureOnTheConsoleAndItsTraceIsInTheLogFile() throws Exception {
        Path file = failingStore();
        Map<String, String> env = Map.of("SPOCK_DB", file.toString(), "SPOCK_YAHOO_URL", "http://127.0.0.1:1",
                "SPOCK_YAHOO_COOKIE_URL", "http://127.0.0.1:1/c", "LOGGING_FILE_PATH", dir.resolve("logs").toString());

        ChildSpock.Result quiet = ChildSpock.run(env, dir.resolve("quiet"), 150, "enrich", "--regions", "US",
                "--max-retries", "1", "--retry-delay", "0", "--report", dir.resolve("report.txt").toString());
        ChildSpock.Result verbose = ChildSpock.run(env, dir.resolve("verbose"), 150, "--verbose", "enrich",
                "--regions", "US", "--max-retries", "0", "--report", dir.resolve("report.txt").toString());

        assertThat(quiet.exitCode()).as(quiet.err()).isEqualTo(ExitCodes.INCOMPLETE);
        List<String> failures = quiet.err().lines()
                .filter(l -> l.contains("Region US failed") && (l.contains(" WARN ") || l.contains(" ERROR "))).toList();
        assertThat(failures).hasSize(2).allSatisfy(line -> assertThat(line).contains("database or disk is full"));
        assertThat(quiet.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(Files.readString(dir.resolve("logs/spock.log"))).contains("Region US failed").contains("\tat ");
        assertThat(verbose.err()).contains("\tat ");
    }

    /** A store whose tickers refuse every update, as a full disk would. */
    private Path failingStore() {
        try (Database db = TestStore.open(dir)) {
            TestStore.add(db, IntStream.range(0, 150)
                    .mapToObj(i -> TestStore.listing("NAS", String.format("F%03d", i), "730")).toArray(Listing[]::new));
            db.dsl().execute(DSL.sql("create trigger disk_full before update on tickers "
                    + "begin select raise(fail, 'database or disk is full'); end"));
        }
        return dir.resolve("store.db");
    }
}
