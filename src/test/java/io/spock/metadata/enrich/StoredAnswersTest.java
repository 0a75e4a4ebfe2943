package io.spock.metadata.enrich;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.Source;
import io.spock.metadata.kis.MutableClock;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Yahoo answer cache shared through the store: a second process (a pipeline with its own Yahoo client, so its
 * own empty in-process cache) reads an answer the first fetched less than the TTL ago from the evidence table.
 */
class StoredAnswersTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Duration TTL = Duration.ofHours(24);

    @TempDir
    Path dir;
    Database db;
    YahooStub yahoo;
    ExecutorService pool;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T02:30:00Z"));

    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(2);
        yahoo = new YahooStub(wireMock);
        db = TestStore.open(backend(), dir);
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        TestStore.add(db, listing("NAS", "AAPL", "000"), listing("NAS", "ZZZZ", "000"));
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        db.close();
    }

    /** One process: its own Yahoo client and in-process cache. */
    private EnrichmentService process(boolean storedAnswers) {
        PipelineFactory factory = PipelineFactory.builder(db.dsl()).configDir(Path.of("config")).clock(clock)
                .yahoo(YahooProfileService.create(TestPipeline.yahooSettings(wireMock.baseUrl(), 1000),
                        YahooRequestListener.NO_OP))
                .perTickerPool(pool).scheduler(new ManualScheduler());
        return (storedAnswers ? factory.storedAnswers(Source.YAHOO, TTL) : factory).build();
    }

    /** Both tickers named, so both are asked whatever their age ({@code --force-refresh} asks past the store). */
    private static EnrichRequest named() {
        return new EnrichRequest(EnumSet.of(Region.US), EnrichMode.TICKERS, List.of("AAPL", "ZZZZ"), 30, false, false,
                false, 1);
    }

    @Test
    void anAnswerAnotherProcessFetchedWithinTheTtlIsReadFromTheStoreNotAskedAgain() {
        process(true).run(named(), ProgressListener.NONE);
        int first = yahoo.lookupCalls();
        clock.advance(Duration.ofHours(23));

        EnrichReport report = process(true).run(named(), ProgressListener.NONE);

        assertThat(yahoo.lookupCalls()).as("the found and the not-found answer both kept").isEqualTo(first);
        assertThat(report.regions().get(0).yahooCalls()).isZero();
        assertThat(db.dsl().fetchValue(TICKERS.SECTOR_CODE, TICKERS.TICKER.eq("AAPL"))).isEqualTo("45");
        assertThat(db.dsl().fetchValue(TICKERS.STATUS, TICKERS.TICKER.eq("ZZZZ"))).isEqualTo("NOT_FOUND");
        assertThat(db.dsl().fetchCount(CLASSIFICATION_HISTORY)).as("nothing changed").isEqualTo(1);
    }

    @Test
    void anAnswerOlderThanTheTtlIsAskedAgain() {
        process(true).run(named(), ProgressListener.NONE);
        int first = yahoo.lookupCalls();
        clock.advance(TTL.plusMinutes(1));

        process(true).run(named(), ProgressListener.NONE);

        assertThat(yahoo.lookupCalls()).isEqualTo(2 * first);
    }

    @Test
    void aReusedAnswerKeepsTheTimeYahooGaveItSoThatItDoesNotStayFreshForever() {
        process(true).run(named(), ProgressListener.NONE);
        int first = yahoo.lookupCalls();
        clock.advance(Duration.ofHours(23));
        process(true).run(named(), ProgressListener.NONE);
        clock.advance(Duration.ofHours(2));

        process(true).run(named(), ProgressListener.NONE);

        assertThat(yahoo.lookupCalls()).isEqualTo(2 * first);
    }

    @Test
    void withoutAStoredAnswerTtlTheSourceIsAlwaysAsked() {
        process(false).run(named(), ProgressListener.NONE);
        int first = yahoo.lookupCalls();

        process(false).run(named(), ProgressListener.NONE);

        assertThat(yahoo.lookupCalls()).isEqualTo(2 * first);
    }

    @Test
    void forceRefreshAsksPastTheStoredAnswers() {
        process(true).run(named(), ProgressListener.NONE);
        int first = yahoo.lookupCalls();
        clock.advance(Duration.ofHours(1));

        process(true).run(new EnrichRequest(EnumSet.of(Region.US), EnrichMode.FORCE_REFRESH, List.of(), 30, false,
                false, false, 1), ProgressListener.NONE);

        assertThat(yahoo.lookupCalls()).isEqualTo(2 * first);
    }
}
