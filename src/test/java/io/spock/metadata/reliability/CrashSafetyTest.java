package io.spock.metadata.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.spock.metadata.store.Database;
import io.spock.metadata.support.ChildSpock;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.universe.Listing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the style of SQLite's own crash tests: {@code enrich} runs in a child JVM over 10,000 tickers and is killed
 * (SIGKILL) at 12 different points. After each kill the database must be intact, every batch whole, history in
 * step with the tickers; the final run finishes the rest without asking Yahoo again about committed rows.
 */
class CrashSafetyTest {

    private static final int TICKERS_TOTAL = 10_000;
    private static final int KILLS = 12;
    private static final int REQUESTS_BEFORE_KILL = 150;

    @TempDir
    Path dir;
    WireMockServer wireMock;

    @BeforeEach
    void startYahoo() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        wireMock.start();
    }

    @AfterEach
    void stopYahoo() {
        wireMock.stop();
    }

    @Test
    void killedRunsLeaveWholeBatchesAndTheNextRunFinishesTheRest() throws Exception {
        YahooStub yahoo = new YahooStub(wireMock, wireMock.baseUrl());
        wireMock.stubFor(get(urlPathMatching("/v10/finance/quoteSummary/.*")).atPriority(1).willReturn(YahooStub.json(200, """
                        {"quoteSummary":{"result":[{"assetProfile":{"sector":"Technology",
                        "industry":"Software - Application"},"quoteType":{"quoteType":"EQUITY"}}],"error":null}}""")));
        try (Database db = TestStore.open(dir)) {
            List<Listing> listings = IntStream.range(0, TICKERS_TOTAL)
                    .mapToObj(i -> TestStore.listing("NAS", String.format("C%05d", i), "000")).toList();
            TestStore.add(db, listings.toArray(Listing[]::new));
        }
        Map<String, String> env = Map.of(
                "SPOCK_DB", dir.resolve("store.db").toString(),
                "SPOCK_YAHOO_URL", wireMock.baseUrl(),
                "SPOCK_YAHOO_COOKIE_URL", yahoo.cookieUrl(),
                "SPOCK_YAHOO_RATE", "5000",
                "SPOCK_YAHOO_BURST", "50");
        AtomicReference<Process> child = new AtomicReference<>();
        AtomicInteger requests = new AtomicInteger();
        Set<String> asked = ConcurrentHashMap.newKeySet();
        AtomicInteger killAfter = new AtomicInteger(REQUESTS_BEFORE_KILL);
        wireMock.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().contains("/quoteSummary/")) {
                asked.add(request.getUrl().replaceAll(".*/quoteSummary/([^?]*).*", "$1"));
                if (requests.incrementAndGet() == killAfter.get()) {
                    child.get().destroyForcibly();
                }
            }
        });

        int committedBefore = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            requests.set(0);
            killAfter.set(REQUESTS_BEFORE_KILL + 18 * kill);
            child.set(ChildSpock.start(env, dir.resolve("run" + kill), "enrich", "--regions", "US"));
            assertThat(child.get().waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(child.get().exitValue()).as("kill %d happened mid-run", kill).isEqualTo(137);
            int committed = checkInvariants();
            assertThat(committed).as("kill %d", kill).isGreaterThanOrEqualTo(committedBefore);
            committedBefore = committed;
        }

        Set<String> committedSymbols = committedSymbols();
        asked.clear();
        killAfter.set(-1);
        child.set(ChildSpock.start(env, dir.resolve("final"), "enrich", "--regions", "US"));
        assertThat(child.get().waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.get().exitValue()).isZero();
        assertThat(checkInvariants()).isEqualTo(TICKERS_TOTAL);
        assertThat(asked).doesNotContainAnyElementsOf(committedSymbols);
        assertThat(asked).hasSize(TICKERS_TOTAL - committedSymbols.size());
    }

    /** Returns the committed (classified) count after checking integrity, whole batches and history. */
    private int checkInvariants() {
        try (Database db = TestStore.open(dir)) {
            assertThat(db.dsl().fetchValue("pragma integrity_check")).isEqualTo("ok");
            int classified = db.dsl().fetchCount(TICKERS, TICKERS.STATUS.eq("CLASSIFIED"));
            assertThat(classified % 100 == 0 || classified == TICKERS_TOTAL).as("%d classified", classified).isTrue();
            assertThat(db.dsl().fetchCount(CLASSIFICATION_HISTORY)).isEqualTo(classified);
            assertThat(db.dsl().fetchCount(TICKERS, TICKERS.SECTOR_CODE.isNotNull())).isEqualTo(classified);
            return classified;
        }
    }

    private Set<String> committedSymbols() {
        try (Database db = TestStore.open(dir)) {
            return db.dsl().select(TICKERS.YAHOO_SYMBOL).from(TICKERS).where(TICKERS.STATUS.eq("CLASSIFIED"))
                    .fetch(TICKERS.YAHOO_SYMBOL).stream().collect(Collectors.toSet());
        }
    }
}
