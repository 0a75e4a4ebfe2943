package io.spock.metadata.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.store.Database;
import io.spock.metadata.support.ChildSpock;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.universe.Listing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C and SIGTERM on a one-shot {@code enrich} in a child JVM, as cron and operators send them: the run stops
 * after whole batches, is recorded INTERRUPTED, and the process exits 130 (SIGINT) or 143 (SIGTERM), as the README
 * promises.
 */
class SignalsTest {

    private static final int TICKERS_TOTAL = 2_000;

    @TempDir
    Path dir;
    WireMockServer wireMock;
    Map<String, String> env;
    CountDownLatch asked;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        wireMock.start();
        YahooStub yahoo = new YahooStub(wireMock, wireMock.baseUrl());
        wireMock.stubFor(get(urlPathMatching("/v10/finance/quoteSummary/.*")).atPriority(1)
                .willReturn(YahooStub.json(200, """
                        {"quoteSummary":{"result":[{"assetProfile":{"sector":"Technology",
                        "industry":"Software - Application"},"quoteType":{"quoteType":"EQUITY"}}],"error":null}}""")
                        .withFixedDelay(20)));
        asked = new CountDownLatch(250);
        wireMock.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().contains("/quoteSummary/")) {
                asked.countDown();
            }
        });
        try (Database db = TestStore.open(dir)) {
            TestStore.add(db, IntStream.range(0, TICKERS_TOTAL)
                    .mapToObj(i -> TestStore.listing("NAS", String.format("S%05d", i), "000")).toArray(Listing[]::new));
        }
        env = Map.of("SPOCK_DB", dir.resolve("store.db").toString(),
                "SPOCK_YAHOO_URL", wireMock.baseUrl(),
                "SPOCK_YAHOO_COOKIE_URL", yahoo.cookieUrl(),
                "SPOCK_YAHOO_RATE", "200");
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    private Process enrichUntilHalfway(String name) throws Exception {
        Process child = ChildSpock.start(env, dir.resolve(name), "enrich", "--regions", "US", "--no-progress-bar");
        assertThat(asked.await(120, TimeUnit.SECONDS)).as("the run reached Yahoo").isTrue();
        return child;
    }

    private static void signal(Process child, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private void assertStoppedCleanly(Process child, int exitCode, String name) throws Exception {
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child stopped").isTrue();
        String err = Files.readString(ChildSpock.stderr(dir.resolve(name)).toPath());
        assertThat(child.exitValue()).as(err).isEqualTo(exitCode);
        assertThat(err).doesNotContain("\tat ");
        try (Database db = TestStore.open(dir)) {
            int classified = db.dsl().fetchCount(TICKERS, TICKERS.STATUS.eq("CLASSIFIED"));
            assertThat(classified).isPositive().isLessThan(TICKERS_TOTAL);
            assertThat(classified % 100).as("whole batches").isZero();
            assertThat(db.dsl().fetchOne(ENRICHMENT_RUNS).getStatus()).isEqualTo("INTERRUPTED");
        }
    }

    @Test
    void ctrlCStopsAOneShotRunCleanlyWithStatus130() throws Exception {
        Process child = enrichUntilHalfway("sigint");

        signal(child, "INT");

        assertStoppedCleanly(child, ExitCodes.INTERRUPTED, "sigint");
    }

    @Test
    void aSecondCtrlCRightAfterTheFirstDoesNotCutTheStopShort() throws Exception {
        Process child = enrichUntilHalfway("twice");

        signal(child, "INT");
        signal(child, "INT");

        assertStoppedCleanly(child, ExitCodes.INTERRUPTED, "twice");
    }

    @Test
    void sigtermStopsAOneShotRunCleanlyWithStatus143() throws Exception {
        Process child = enrichUntilHalfway("sigterm");

        signal(child, "TERM");

        assertStoppedCleanly(child, ExitCodes.TERMINATED, "sigterm");
    }
}
