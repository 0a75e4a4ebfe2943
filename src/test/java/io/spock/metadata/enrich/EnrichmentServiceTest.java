package io.spock.metadata.enrich;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.SecurityType;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;
import org.jooq.DSLContext;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultTransactionListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;
import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline on a real SQLite file against a WireMock Yahoo. */
class EnrichmentServiceTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Database db;
    YahooStub yahoo;
    ExecutorService pool;

    /** The back end these tests run on; {@link PostgresEnrichmentServiceTest} runs them all on PostgreSQL. */
    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(4);
        yahoo = new YahooStub(wireMock);
        db = TestStore.open(backend(), dir);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        if (db != null) {
            db.close();
        }
    }

    private EnrichmentService service(YahooSettings settings) {
        return TestPipeline.service(db, settings, YahooRequestListener.NO_OP, pool, Sleeper.SYSTEM);
    }

    private YahooSettings settings() {
        return YahooSettings.builder()
                .server(wireMock.baseUrl())
                .rate(1000, 10)
                .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .retry(3, Duration.ofMillis(1), Duration.ofMillis(4))
                .build();
    }

    private static EnrichRequest request(Set<Region> regions, EnrichMode mode, boolean dryRun) {
        return new EnrichRequest(regions, mode, List.of(), 30, dryRun, false, false, 1);
    }

    private TickersRecord row(String region, String ticker) {
        return db.dsl().fetchOne(TICKERS, TICKERS.REGION.eq(region).and(TICKERS.TICKER.eq(ticker)));
    }

    @Test
    void highConfidenceKisCodesClassifyWithoutAskingYahoo() {
        TestStore.add(db, listing("NYS", "XOM", "010"), listing("NAS", "NVDA", "710"));

        EnrichReport report = service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false),
                ProgressListener.NONE);

        assertThat(row("US", "XOM").getSectorCode()).isEqualTo("10");
        assertThat(row("US", "XOM").getSource()).isEqualTo(Source.KIS.name());
        assertThat(row("US", "NVDA").getSectorEn()).isEqualTo("Information Technology");
        assertThat(row("US", "NVDA").getSectorKo()).isEqualTo("정보기술");
        assertThat(report.regions().get(0).classifiedBy(Source.KIS)).isEqualTo(2);
        assertThat(report.incomplete()).isFalse();
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPreferredShareTakesItsCommonSharesKisSectorWithoutAskingYahoo() {
        TestStore.add(db, listing("NYS", "ABR", "910"), preferred("NYS", "ABR/D", "ARBOR REALTY TRUST INC"));

        EnrichReport report = service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false),
                ProgressListener.NONE);

        assertThat(row("US", "ABR/D").getSectorCode()).isEqualTo(row("US", "ABR").getSectorCode());
        assertThat(row("US", "ABR/D").getSource()).isEqualTo(Source.PARENT.name());
        assertThat(row("US", "ABR/D").getIsPreferred()).isTrue();
        assertThat(report.regions().get(0).classifiedBy(Source.PARENT)).isEqualTo(1);
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPreferredShareWaitsForItsCommonShareToBeAskedOfYahooAndCostsNoRequestOfItsOwn() {
        yahoo.company("AGNC", "Real Estate", "REIT - Mortgage", "AGNC Investment Corp.");
        TestStore.add(db, listing("NAS", "AGNC", "000"), preferred("NAS", "AGNCP", "AGNC INVESTMENT CORP"));

        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false), ProgressListener.NONE);

        assertThat(row("US", "AGNC").getSource()).isEqualTo(Source.YAHOO.name());
        assertThat(row("US", "AGNC").getSectorCode()).as("mortgage REITs are Financials since GICS 2023").isEqualTo("40");
        assertThat(row("US", "AGNCP").getSectorCode()).isEqualTo("40");
        assertThat(row("US", "AGNCP").getSource()).isEqualTo(Source.PARENT.name());
        assertThat(yahoo.lookupCalls()).as("AGNC's search only; AGNCP asks nothing").isEqualTo(1);
    }

    /**
     * Regression for issue 15 (PostgreSQL stopped mid-run: 14.5 minutes and 3,792 Yahoo calls while nothing could be
     * written). The store stops accepting writes once the first batch is committed: the region stops within one
     * batch, is not retried, and the next region asks nothing.
     */
    @Test
    void aStoreThatStopsAcceptingWritesStopsTheRunWithinABatchWithoutRetries() {
        List<io.spock.metadata.universe.Listing> listings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String ticker = "Z" + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26) + (i / 676 == 0 ? "" : "X");
            yahoo.company(ticker, "Technology", "Software - Application", ticker + " Inc.");
            listings.add(listing("NAS", ticker, "000"));
        }
        listings.add(listing("TSE", "1301", "000"));
        TestStore.add(db, listings.toArray(Listing[]::new));
        AtomicBoolean down = new AtomicBoolean();
        List<Duration> slept = new CopyOnWriteArrayList<>();
        DSLContext failing = DSL.using(db.dsl().configuration().derive(
                new DefaultTransactionListenerProvider(new TransactionListener() {
                    @Override
                    public void beginStart(TransactionContext ctx) {
                        if (down.get() && Thread.currentThread().getName().startsWith("enrich-")) {
                            throw new DataAccessException("connection lost",
                                    new SQLException("An I/O error occurred while sending to the backend.",
                                            "08006"));
                        }
                    }

                    @Override
                    public void commitEnd(TransactionContext ctx) {
                        down.set(Thread.currentThread().getName().startsWith("enrich-"));
                    }
                })));
        EnrichmentService service = PipelineFactory.builder(failing)
                .configDir(Path.of("config")).clock(Clock.systemUTC())
                // Yahoo at 200 requests/s, so that a batch's write (slower on a server) is short next to its requests
                .yahoo(YahooProfileService.create(settings().toBuilder().rate(200, 1).build(),
                        YahooRequestListener.NO_OP))
                .perTickerPool(pool).sleeper(slept::add).build();

        EnrichReport report = service.run(new EnrichRequest(EnumSet.of(Region.US, Region.JP), EnrichMode.INCREMENTAL,
                List.of(), 30, false, false, false, 1, new RegionRetry(3, Duration.ofSeconds(5), 0)),
                ProgressListener.NONE);

        assertThat(report.regions()).extracting(RegionSummary::status).containsOnly(RunState.FAILED);
        assertThat(report.regions()).extracting(RegionSummary::regionRetries).containsOnly(0);
        assertThat(slept).as("no region retry waits").isEmpty();
        assertThat(report.regions().get(1).error()).startsWith("stopped: the store is not accepting writes");
        assertThat(yahoo.quoteSummaryCalls()).as("the first batch, the one that could not be written and what was in "
                + "flight then; never a third batch of the 400").isLessThan(300);
        assertThat(wireMock.findAll(getRequestedFor(
                urlPathEqualTo("/v10/finance/quoteSummary/1301.T"))))
                .as("JP asks nothing").isEmpty();
    }

    /** A preferred share as KIS lists it: code 000, 우선주 in the Korean name. */
    private static Listing preferred(String exchange, String ticker, String issuer) {
        return Listing.of(Markets.exchange(exchange).orElseThrow(), ticker, issuer + " PFD", issuer + " 우선주",
                SecurityType.STOCK, "000");
    }

    @Test
    void codeZeroGoesToYahooForSectorAndIndustry() {
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        TestStore.add(db, listing("NAS", "AAPL", "000"));

        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false), ProgressListener.NONE);

        TickersRecord aapl = row("US", "AAPL");
        assertThat(aapl.getSectorCode()).isEqualTo("45");
        assertThat(aapl.getIndustry()).isEqualTo("Consumer Electronics");
        assertThat(aapl.getSource()).isEqualTo(Source.YAHOO.name());
        assertThat(aapl.getStatus()).isEqualTo(TickerStatus.CLASSIFIED.name());
        assertThat(db.dsl().fetchCount(CLASSIFICATION_HISTORY)).isEqualTo(1);
    }

    @Test
    void yahooWinsOverALowConfidenceKisCode() {
        yahoo.company("FOUR", "Financial Services", "Credit Services", "Shift4 Payments Inc.");
        TestStore.add(db, listing("NYS", "FOUR", "720"));

        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false), ProgressListener.NONE);

        assertThat(row("US", "FOUR").getSectorCode()).isEqualTo("40");
        assertThat(row("US", "FOUR").getSource()).isEqualTo("YAHOO");
    }

    @Test
    void lowConfidenceKisAnswerStandsWhenYahooHasNothing() {
        TestStore.add(db, listing("NYS", "SNAP", "370"));

        EnrichReport report = service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false),
                ProgressListener.NONE);

        assertThat(row("US", "SNAP").getSectorCode()).isEqualTo("50");
        assertThat(row("US", "SNAP").getConfidence()).isEqualTo("LOW");
        assertThat(report.incomplete()).isFalse();
    }

    @Test
    void fundsAreNotApplicableAndNotRetried() {
        yahoo.fund("QQQ");
        TestStore.add(db, listing("NAS", "QQQ", "000"));
        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false), ProgressListener.NONE);
        int calls = yahoo.lookupCalls();

        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false), ProgressListener.NONE);

        assertThat(row("US", "QQQ").getStatus()).isEqualTo(TickerStatus.NOT_APPLICABLE.name());
        assertThat(row("US", "QQQ").getSectorCode()).isNull();
        assertThat(yahoo.lookupCalls()).isEqualTo(calls);
    }

    @Test
    void unreachableYahooDefersTheRestWithTheReasonAndKeepsKisAnswers() {
        TestStore.add(db, listing("NYS", "XOM", "010"), listing("NAS", "AAPL", "000"), listing("NAS", "MSFT", "000"));
        YahooSettings unreachable = settings().toBuilder().server("http://127.0.0.1:1").build();

        EnrichReport report = service(unreachable).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false),
                ProgressListener.NONE);

        assertThat(row("US", "XOM").getSectorCode()).isEqualTo("10");
        assertThat(row("US", "AAPL").getStatus()).isEqualTo(TickerStatus.DEFERRED.name());
        assertThat(row("US", "AAPL").getLastError()).containsIgnoringCase("unreachable");
        assertThat(report.regions().get(0).deferred()).isEqualTo(2);
        assertThat(report.incomplete()).isTrue();
    }

    @Test
    void dryRunComputesEverythingAndWritesNothing() {
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        TestStore.add(db, listing("NYS", "XOM", "010"), listing("NAS", "AAPL", "000"));

        EnrichReport report = service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, true),
                ProgressListener.NONE);

        assertThat(report.regions().get(0).enriched()).isEqualTo(2);
        assertThat(row("US", "XOM").getSectorCode()).isNull();
        assertThat(row("US", "AAPL").getStatus()).isEqualTo(TickerStatus.PENDING.name());
        assertThat(db.dsl().fetchCount(ENRICHMENT_RUNS)).isZero();
        assertThat(db.dsl().fetchCount(CLASSIFICATION_HISTORY)).isZero();
    }

    @Test
    void incrementalReRunMakesNoHttpCalls() {
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        TestStore.add(db, listing("NAS", "AAPL", "000"), listing("NYS", "XOM", "010"));
        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false), ProgressListener.NONE);
        int calls = wireMock.getAllServeEvents().size();

        EnrichReport again = service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false),
                ProgressListener.NONE);

        assertThat(again.regions().get(0).total()).isZero();
        assertThat(wireMock.getAllServeEvents()).hasSize(calls);
    }

    @Test
    void forceRefreshNeverOverwritesAManualFix() {
        TestStore.add(db, listing("NYS", "XOM", "010"));
        db.dsl().update(TICKERS).set(TICKERS.SECTOR_CODE, "55").set(TICKERS.SOURCE, "MANUAL")
                .where(TICKERS.TICKER.eq("XOM")).execute();

        EnrichReport report = service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.FORCE_REFRESH, false),
                ProgressListener.NONE);

        assertThat(row("US", "XOM").getSectorCode()).isEqualTo("55");
        assertThat(report.regions().get(0).total()).isZero();
    }

    @Test
    void forceRefreshReclassifiesRowsThatAlreadyHaveASource() {
        TestStore.add(db, listing("NYS", "XOM", "010"));
        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false), ProgressListener.NONE);
        db.dsl().update(TICKERS).set(TICKERS.KIS_CODE, "610").where(TICKERS.TICKER.eq("XOM")).execute();

        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.FORCE_REFRESH, false), ProgressListener.NONE);

        assertThat(row("US", "XOM").getSectorCode()).isEqualTo("40");
        assertThat(db.dsl().fetchCount(CLASSIFICATION_HISTORY)).isEqualTo(2);
    }

    @Test
    void everySourcesAnswerIsKeptWithTheTickerRowAndTheNewerAnswerReplacesTheOlder() {
        yahoo.company("MSFT", "Technology", "Software - Infrastructure", "Microsoft Corporation");
        TestStore.add(db, listing("NAS", "MSFT", "720"));

        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.FORCE_REFRESH, false), ProgressListener.NONE);
        service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.FORCE_REFRESH, false), ProgressListener.NONE);

        var evidence = db.dsl().selectFrom(CLASSIFICATION_EVIDENCE).orderBy(CLASSIFICATION_EVIDENCE.SOURCE).fetch();
        assertThat(evidence).extracting(r -> r.getSource() + " " + r.getSectorCode() + " " + r.getConfidence())
                .containsExactly("KIS 45 LOW", "YAHOO 45 HIGH");
        assertThat(evidence.get(1).getIndustry()).isEqualTo("Software - Infrastructure");
        assertThat(evidence.get(1).getRawLabel()).isEqualTo("Technology / Software - Infrastructure");
        int lastRun = db.dsl().select(DSL.max(ENRICHMENT_RUNS.ID)).from(ENRICHMENT_RUNS).fetchOne().value1();
        assertThat(evidence).allSatisfy(r -> assertThat(r.getRunId()).isEqualTo(lastRun));
        assertThat(row("US", "MSFT").getSource()).isEqualTo("YAHOO");
        assertThat(row("US", "MSFT").getDisagreement()).isFalse();
    }

    @Test
    void aBatchIsAllOrNothing() {
        TestStore.add(db, listing("NYS", "XOM", "010"), listing("NYS", "CVX", "010"));
        List<Candidate> due = new CandidateQuery(db.dsl()).select(Region.US, EnrichMode.FORCE_REFRESH,
                LocalDateTime.now(), List.of(), false);
        GicsSector energy = new GicsSector("10", "Energy", "에너지");
        List<Outcome> batch = due.stream().map(c -> new Outcome(c, TickerStatus.CLASSIFIED, energy, null, Source.KIS,
                Confidence.HIGH, false, false, null, "KIS code 010 (HIGH)", false, List.of(Answer.sector(Source.KIS,
                energy, Confidence.HIGH, "010", "에너지", "KIS code 010 (HIGH)", Instant.now())))).toList();

        int missingRun = 999;
        assertThatThrownBy(() -> new OutcomeWriter(db.dsl(), Clock.systemUTC())
                .write(batch, missingRun, LocalDateTime.now(), false)).rootCause().message().containsIgnoringCase("foreign key");

        assertThat(row("US", "XOM").getSectorCode()).isNull();
        assertThat(row("US", "CVX").getSectorCode()).isNull();
        assertThat(db.dsl().fetchCount(CLASSIFICATION_HISTORY)).isZero();
        assertThat(db.dsl().fetchCount(CLASSIFICATION_EVIDENCE)).as("evidence is written with the ticker rows").isZero();
    }

    @Test
    void transientErrorsAreRetriedThenSucceed() {
        yahoo.answer("MSFT", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        TestStore.add(db, listing("NAS", "MSFT", "000"));

        EnrichReport report = service(settings()).run(request(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, false),
                ProgressListener.NONE);

        assertThat(report.regions().get(0).failed() + report.regions().get(0).deferred()).isEqualTo(1);
        assertThat(report.regions().get(0).retries()).as("three attempts").isEqualTo(2);
        assertThat(report.regions().get(0).yahooCalls()).as("a search and a quoteSummary each").isEqualTo(6);
        assertThat(row("US", "MSFT").getLastError()).isNotBlank();
    }

    @Test
    void runIsRecordedWithItsRegionCounts() {
        TestStore.add(db, listing("NYS", "XOM", "010"), listing("TSE", "7203", "310"));

        EnrichReport report = service(settings()).run(request(EnumSet.of(Region.US, Region.JP),
                EnrichMode.INCREMENTAL, false), ProgressListener.NONE);

        assertThat(db.dsl().fetchOne(ENRICHMENT_RUNS, ENRICHMENT_RUNS.ID.eq(report.runId())).getStatus())
                .isEqualTo("COMPLETED");
        assertThat(report.regions()).extracting(RegionSummary::region).containsExactly("US", "JP");
        assertThat(row("JP", "7203").getLastEnriched()).isBefore(LocalDateTime.now().plusMinutes(1));
    }
}
