package io.spock.metadata.enrich;

import org.jooq.impl.DSL;
import java.time.Instant;
import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import java.time.Clock;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
        return YahooSettings.defaults()
                .withQueryBaseUrl(URI.create(wireMock.baseUrl()))
                .withCookieUrl(URI.create(wireMock.baseUrl() + "/cookie"))
                .withRate(1000, 10)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .withRetry(new YahooSettings.Retry(3, Duration.ofMillis(1), Duration.ofMillis(4), 0.0,
                        Duration.ofSeconds(5)));
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
        YahooSettings unreachable = settings().withQueryBaseUrl(URI.create("http://127.0.0.1:1"))
                .withCookieUrl(URI.create("http://127.0.0.1:1/cookie"));

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
