package io.spock.metadata.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.support.ChildSpock;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.universe.Listing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.REGION_LEASES;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two operators, one store: two {@code ./spock} processes (JVMs) on one SQLite file (and, in
 * {@link PostgresSeveralInstancesTest}, one PostgreSQL database) against one Yahoo stand-in. Overlapping regions are
 * asked once, the two stay within one Yahoo rate together, and a lease holder that hangs or dies is taken over. The
 * test thread only waits on the children (and reads the store between those waits); it never sleeps.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SeveralInstancesTest {

    private static final int RATE = 20;
    private static final String QUOTE_SUMMARY = "/v10/finance/quoteSummary/.*";

    @TempDir
    Path dir;
    WireMockServer yahoo;
    YahooStub stub;
    String database;
    Database store;
    final List<Process> children = new ArrayList<>();

    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void setUp() {
        yahoo = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        yahoo.start();
        stub = new YahooStub(yahoo, yahoo.baseUrl());
        yahoo.stubFor(get(urlPathMatching(QUOTE_SUMMARY)).atPriority(1).willReturn(YahooStub.json(200, """
                {"quoteSummary":{"result":[{"assetProfile":{"sector":"Technology",
                "industry":"Software - Application"},"quoteType":{"quoteType":"EQUITY"}}],"error":null}}""")
                .withFixedDelay(20)));
        database = backend().newDatabase(dir);
        store = Database.open(DatabaseLocation.parse(database, null), null, null);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly().waitFor();
        }
        store.close();
        yahoo.stop();
    }

    private void seed(String exchange, int count, Function<Integer, String> ticker) {
        TestStore.add(store, IntStream.range(0, count).mapToObj(i -> TestStore.listing(exchange, ticker.apply(i), "000"))
                .toArray(Listing[]::new));
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("SPOCK_DB", database,
                "SPOCK_YAHOO_URL", yahoo.baseUrl(), "SPOCK_YAHOO_COOKIE_URL", stub.cookieUrl(),
                "SPOCK_YAHOO_RATE", String.valueOf(RATE), "SPOCK_YAHOO_MAX_IN_FLIGHT", "4",
                "SPOCK_CONSOLE_LEVEL", "INFO"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private Process start(String name, Map<String, String> env, String... args) throws IOException {
        Process child = ChildSpock.start(env, dir.resolve(name), args);
        child.getOutputStream().close();
        children.add(child);
        return child;
    }

    /** Waits (on the child) until the child holds a region's lease; fails if it ends first. */
    private void awaitLease(Process child) throws InterruptedException {
        while (store.dsl().fetchCount(REGION_LEASES) == 0) {
            assertThat(child.waitFor(100, TimeUnit.MILLISECONDS)).as("ended before it took a lease").isFalse();
        }
    }

    private static int finish(Process child) throws InterruptedException {
        assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("still running").isTrue();
        return child.exitValue();
    }

    private String out(String name) throws IOException {
        return Files.readString(ChildSpock.stdout(dir.resolve(name)).toPath());
    }

    private String err(String name) throws IOException {
        return Files.readString(ChildSpock.stderr(dir.resolve(name)).toPath());
    }

    private List<LoggedRequest> quoteSummaries() {
        return yahoo.findAll(getRequestedFor(urlPathMatching(QUOTE_SUMMARY)));
    }

    private static String symbol(LoggedRequest request) {
        return request.getUrl().replaceAll(".*/quoteSummary/([^?]*).*", "$1");
    }

    @Test
    void twoProcessesOnOverlappingRegionsAskEachTickerOnceAndStayWithinOneRateTogether() throws Exception {
        seed("NAS", 200, i -> String.format("C%04d", i));
        seed("TSE", 100, i -> String.valueOf(1300 + i));

        Process first = start("first", env(), "enrich", "--regions", "US,JP");
        Process second = start("second", env(), "enrich", "--regions", "US,JP");
        int firstExit = finish(first);
        int secondExit = finish(second);

        Map<String, Long> asked = quoteSummaries().stream()
                .collect(Collectors.groupingBy(SeveralInstancesTest::symbol, Collectors.counting()));
        assertThat(asked).hasSize(300);
        assertThat(asked.values()).as("each ticker asked once").containsOnly(1L);
        assertThat(store.dsl().fetchCount(TICKERS, TICKERS.STATUS.eq("CLASSIFIED"))).isEqualTo(300);
        String skipped = "(?m)^US is being enriched by run \\d+ on \\S+ \\(pid %d\\), started \\d\\d:\\d\\d:\\d\\d$";
        boolean firstSkipped = Pattern.compile(skipped.formatted(second.pid())).matcher(out("first")).find();
        String skipper = firstSkipped ? "first" : "second";
        assertThat(out(skipper)).as("one of them found US leased by the other: " + err("first") + err("second"))
                .containsPattern(skipped.formatted((firstSkipped ? second : first).pid()));
        assertThat(firstSkipped ? firstExit : secondExit).as("it skipped US").isEqualTo(3);
        assertThat(List.of(firstExit, secondExit)).containsAnyOf(0, 3).doesNotContain(1, 2);
        assertThat(mostInAnySecond(quoteSummaries())).as("the most Yahoo requests in any one second, both together")
                .isLessThanOrEqualTo(RATE);
    }

    @Test
    void aHungLeaseHolderIsTakenOverOnceItsHeartbeatIsOlderThanTheTimeout() throws Exception {
        seed("NAS", 60, i -> String.format("C%04d", i));
        Map<String, String> env = env("SPOCK_INSTANCES_LEASE_TIMEOUT", "10s", "SPOCK_INSTANCES_HEARTBEAT", "1s");
        Process hung = start("hung", env, "enrich", "--regions", "US");
        awaitLease(hung);
        signal("STOP", hung);

        Process next = start("next", env, "enrich", "--regions", "US", "--wait");
        int nextExit = finish(next);
        signal("CONT", hung);
        int hungExit = finish(hung);

        assertThat(nextExit).as(err("next")).isZero();
        assertThat(err("next")).containsPattern(takenOver(hung));
        assertThat(store.dsl().fetchCount(TICKERS, TICKERS.STATUS.eq("CLASSIFIED"))).isEqualTo(60);
        assertThat(store.dsl().fetchValue(ENRICHMENT_RUNS.STATUS, ENRICHMENT_RUNS.ID.eq(1))).isEqualTo("ABANDONED");
        LocalDateTime lastSign = store.dsl().fetchValue(ENRICHMENT_RUNS.FINISHED_AT, ENRICHMENT_RUNS.ID.eq(1));
        var taken = store.dsl().select(RUN_REGIONS.FINISHED_AT, RUN_REGIONS.DURATION_MS).from(RUN_REGIONS)
                .where(RUN_REGIONS.RUN_ID.eq(2), RUN_REGIONS.REGION.eq("US")).fetchOne();
        LocalDateTime takenAt = taken.value1().minus(Duration.ofMillis(taken.value2()));
        assertThat(Duration.between(lastSign, takenAt)).as("taken over after the lease timeout, not before")
                .isGreaterThan(Duration.ofMillis(9_800));
        assertThat(hungExit).as("the hung run, resumed, finds its lease gone").isEqualTo(3);
        assertThat(store.dsl().fetchValue(ENRICHMENT_RUNS.STATUS, ENRICHMENT_RUNS.ID.eq(1))).isEqualTo("ABANDONED");
    }

    @Test
    void aKilledLeaseHolderOnThisHostIsTakenOverAtOnce() throws Exception {
        seed("NAS", 60, i -> String.format("C%04d", i));
        Process killed = start("killed", env(), "enrich", "--regions", "US");
        awaitLease(killed);
        killed.destroyForcibly().waitFor();

        Process next = start("next", env(), "enrich", "--regions", "US");
        int nextExit = finish(next);

        assertThat(nextExit).as(err("next")).isZero();
        assertThat(out("next")).doesNotContain("is being enriched");
        assertThat(err("next")).containsPattern(takenOver(killed));
        assertThat(store.dsl().fetchValue(ENRICHMENT_RUNS.STATUS, ENRICHMENT_RUNS.ID.eq(1))).isEqualTo("ABANDONED");
        assertThat(store.dsl().fetchCount(TICKERS, TICKERS.STATUS.eq("CLASSIFIED"))).isEqualTo(60);
    }

    /**
     * The line of the run that marked the holder ABANDONED: when it took the lease over, or already as it started
     * (when the holder was stale by then).
     */
    private static String takenOver(Process holder) {
        String run = "un 1 on \\S+ \\(pid " + holder.pid() + "\\)";
        return "took over US from r" + run + ": no sign of life since|R" + run + " marked ABANDONED: no sign of life since";
    }

    private static void signal(String signal, Process child) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).start().waitFor()).isZero();
    }

    /** The most requests the stand-in received in any one-second window [t, t + 1 s), by its own log. */
    static int mostInAnySecond(List<LoggedRequest> requests) {
        List<Long> times = requests.stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        int most = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= 1000) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
