package io.spock.metadata.reliability;

import io.spock.metadata.store.Database;
import io.spock.metadata.support.ChildSpock;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.universe.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes on one SQLite file: one enriches in a loop while another applies spot fixes in a loop. No
 * "database is locked" failure, and no manual fix lost.
 */
class TwoProcessesTest {

    private static final int TICKERS_TOTAL = 3_000;
    private static final int FIXES = 150;

    @TempDir
    Path dir;

    @Test
    void enrichAndMapSectorShareOneFileWithoutLockFailuresOrLostFixes() throws Exception {
        try (Database db = TestStore.open(dir)) {
            List<Listing> listings = IntStream.range(0, TICKERS_TOTAL)
                    .mapToObj(i -> TestStore.listing("NYS", String.format("S%04d", i), "010")).toList();
            TestStore.add(db, listings.toArray(Listing[]::new));
        }
        Path enrichScript = dir.resolve("enrich.txt");
        Files.writeString(enrichScript, "enrich --regions US --force-refresh\n".repeat(20));
        Path fixScript = dir.resolve("fixes.txt");
        Files.writeString(fixScript, IntStream.range(0, FIXES)
                .mapToObj(i -> String.format("map-sector S%04d 55 --reason \"second operator\"", i * 20))
                .collect(Collectors.joining("\n", "# spot fixes\n", "\n")));
        Map<String, String> env = Map.of("SPOCK_DB", dir.resolve("store.db").toString(),
                "SPOCK_YAHOO_URL", "http://127.0.0.1:1", "SPOCK_YAHOO_COOKIE_URL", "http://127.0.0.1:1/c");

        Process enricher = ChildSpock.start(env, dir.resolve("enricher"), "--bail");
        Process operator = ChildSpock.start(env, dir.resolve("operator"), "--bail");
        try (var in = enricher.getOutputStream(); var in2 = operator.getOutputStream()) {
            in.write(Files.readAllBytes(enrichScript));
            in2.write(Files.readAllBytes(fixScript));
        }
        assertThat(enricher.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(operator.waitFor(180, TimeUnit.SECONDS)).isTrue();

        String errors = Files.readString(ChildSpock.stderr(dir.resolve("enricher")).toPath())
                + Files.readString(ChildSpock.stderr(dir.resolve("operator")).toPath());
        assertThat(errors).doesNotContainIgnoringCase("locked").doesNotContainIgnoringCase("busy");
        assertThat(enricher.exitValue()).as(errors).isZero();
        assertThat(operator.exitValue()).as(errors).isZero();
        try (Database db = TestStore.open(dir)) {
            assertThat(db.dsl().fetchCount(TICKERS, TICKERS.SOURCE.eq("MANUAL").and(TICKERS.SECTOR_CODE.eq("55"))))
                    .isEqualTo(FIXES);
            assertThat(db.dsl().fetchCount(TICKERS, TICKERS.SOURCE.eq("KIS").and(TICKERS.SECTOR_CODE.eq("10"))))
                    .isEqualTo(TICKERS_TOTAL - FIXES);
        }
    }
}
