package io.spock.metadata.enrich;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.spock.metadata.market.Region;
import io.spock.metadata.source.KnownClassificationSource;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.Verdict;
import io.spock.metadata.store.generated.tables.records.ClassificationEvidenceRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.yahoo.YahooRequestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.support.TestStore.listing;
import static io.spock.metadata.support.YahooRecordings.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Yahoo's answers as a run records them (issue 13): an equity without a sector is no answer, not found is an
 * answer with its own count, {@code --force-refresh} goes past the 24 h cache, a refused crumb in one region costs
 * no region its answers, and the known classifications outrank KIS and Yahoo but not a manual fix.
 */
class YahooAnswersInARunTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(40)).build();

    @TempDir
    Path dir;
    Database db;
    YahooStub yahoo;
    ExecutorService pool;
    EnrichmentService service;

    /** The back end these tests run on; {@link PostgresYahooAnswersInARunTest} runs them on PostgreSQL. */
    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(8);
        yahoo = new YahooStub(wireMock);
        db = TestStore.open(backend(), dir);
        service = TestPipeline.service(db, TestPipeline.yahooSettings(wireMock.baseUrl(), 1000),
                YahooRequestListener.NO_OP, pool, Sleeper.SYSTEM);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        if (db != null) {
            db.close();
        }
    }

    private EnrichReport run(EnrichMode mode, Region... regions) {
        return service.run(new EnrichRequest(Set.of(regions), mode, List.of(), 30, false, false, regions.length > 1,
                5), ProgressListener.NONE);
    }

    private TickersRecord row(String region, String ticker) {
        return db.dsl().fetchOne(TICKERS, TICKERS.REGION.eq(region).and(TICKERS.TICKER.eq(ticker)));
    }

    private ClassificationEvidenceRecord evidence(String ticker, Source source) {
        return db.dsl().fetchOne(CLASSIFICATION_EVIDENCE, CLASSIFICATION_EVIDENCE.TICKER.eq(ticker)
                .and(CLASSIFICATION_EVIDENCE.SOURCE.eq(source.name())));
    }

    @Test
    void anEquityWithoutASectorLeavesTheLowKisAnswerStandingAndIsAskedAgainOnlyWhenStale() {
        yahoo.answer("SNAP", recorded("quoteSummary-equity-without-sector"));
        TestStore.add(db, listing("NYS", "SNAP", "720"));

        EnrichReport report = run(EnrichMode.INCREMENTAL, Region.US);
        int calls = yahoo.lookupCalls();
        EnrichReport again = run(EnrichMode.INCREMENTAL, Region.US);

        assertThat(row("US", "SNAP").getStatus()).isEqualTo(TickerStatus.CLASSIFIED.name());
        assertThat(row("US", "SNAP").getSource()).isEqualTo(Source.KIS.name());
        assertThat(row("US", "SNAP").getConfidence()).isEqualTo("LOW");
        assertThat(evidence("SNAP", Source.YAHOO).getVerdict()).isEqualTo(Verdict.NO_SECTOR.name());
        assertThat(evidence("SNAP", Source.YAHOO).getDetail()).isEqualTo("quoteSummary");
        assertThat(report.regions().get(0).notApplicable()).isZero();
        assertThat(report.incomplete()).isFalse();
        assertThat(again.regions().get(0).total()).as("not due until stale").isZero();
        assertThat(yahoo.lookupCalls()).isEqualTo(calls);
    }

    @Test
    void anEquityClassifiedBeforeKeepsItsSectorWhenYahooGivesNoneAndOneNeverClassifiedIsNotFound() {
        yahoo.company("OCDO", "Consumer Defensive", "Grocery Stores", "Ocado Group plc");
        TestStore.add(db, listing("NAS", "OCDO", "000"), listing("NAS", "NEWCO", "000"));
        run(EnrichMode.INCREMENTAL, Region.US);
        yahoo.searchFinds("OCDO", recorded("search-equity-without-sector"));
        yahoo.answer("OCDO", recorded("quoteSummary-equity-without-sector"));
        yahoo.answer("NEWCO", recorded("quoteSummary-equity-without-sector"));

        EnrichReport report = run(EnrichMode.FORCE_REFRESH, Region.US);

        assertThat(row("US", "OCDO").getStatus()).isEqualTo(TickerStatus.CLASSIFIED.name());
        assertThat(row("US", "OCDO").getSectorCode()).isEqualTo("30");
        assertThat(row("US", "OCDO").getSource()).isEqualTo(Source.YAHOO.name());
        assertThat(row("US", "OCDO").getLastError()).contains("no sector for this equity");
        assertThat(row("US", "NEWCO").getStatus()).isEqualTo(TickerStatus.NOT_FOUND.name());
        assertThat(report.regions().get(0).notFound()).isEqualTo(1);
        assertThat(report.regions().get(0).notApplicable()).isZero();
    }

    @Test
    void aRunWhoseOnlyUnresolvedTickersAreNotFoundIsCompleteAndCountsThemApart() {
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        yahoo.answer("ZZZZQ", recorded("quoteSummary-404-finance-error"));
        TestStore.add(db, listing("NAS", "AAPL", "000"), listing("NAS", "ZZZZQ", "000"));

        EnrichReport report = run(EnrichMode.INCREMENTAL, Region.US);

        RegionSummary us = report.regions().get(0);
        assertThat(us.notFound()).isEqualTo(1);
        assertThat(us.failed()).isZero();
        assertThat(report.incomplete()).isFalse();
        assertThat(row("US", "ZZZZQ").getStatus()).isEqualTo(TickerStatus.NOT_FOUND.name());
        assertThat(db.dsl().fetchOne(RUN_REGIONS, RUN_REGIONS.RUN_ID.eq(report.runId())).getNotFound()).isEqualTo(1);
        assertThat(db.dsl().fetchOne(RUN_REGIONS, RUN_REGIONS.RUN_ID.eq(report.runId())).getFailed()).isZero();
    }

    @Test
    void forceRefreshGoesPastTheCacheWhileRunsOverNamedTickersUseIt() {
        yahoo.company("AAPL", "Technology", "Consumer Electronics", "Apple Inc.");
        TestStore.add(db, listing("NAS", "AAPL", "000"));

        run(EnrichMode.FORCE_REFRESH, Region.US);
        int afterFirst = yahoo.lookupCalls();
        EnrichReport second = run(EnrichMode.FORCE_REFRESH, Region.US);
        int afterSecond = yahoo.lookupCalls();
        service.run(new EnrichRequest(Set.of(Region.US), EnrichMode.TICKERS, List.of("AAPL"), 30, false, false, false,
                1), ProgressListener.NONE);

        assertThat(afterFirst).isEqualTo(1);
        assertThat(afterSecond).as("the second --force-refresh asks Yahoo again").isEqualTo(2);
        assertThat(second.yahooCalls()).isEqualTo(1);
        assertThat(yahoo.lookupCalls()).as("other runs answer from the refreshed cache").isEqualTo(2);
    }

    @Test
    void aCrumbRefusedInTheMiddleOfTwoParallelRegionsCostsNeitherRegionItsAnswers() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/test/getcrumb")).atPriority(1).inScenario("crumbs")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withBody("crumbOne0001"))
                .willSetStateTo("renewed"));
        wireMock.stubFor(get(urlPathEqualTo("/v1/test/getcrumb")).atPriority(1).inScenario("crumbs")
                .whenScenarioStateIs("renewed").willReturn(aResponse().withBody("crumbTwo0002")));
        wireMock.stubFor(get(urlPathMatching("/v10/finance/quoteSummary/.*")).atPriority(5).willReturn(YahooStub.json(
                200, """
                {"quoteSummary":{"result":[{"assetProfile":{"industry":"Software - Application",
                "sector":"Technology"},"quoteType":{"quoteType":"EQUITY","symbol":"X","longName":"X Corp"}}],
                "error":null}}""")));
        wireMock.stubFor(get(urlPathEqualTo("/v10/finance/quoteSummary/1010.T")).atPriority(1)
                .withQueryParam("crumb", equalTo("crumbOne0001")).willReturn(YahooStub.json(401,
                        "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\","
                                + "\"description\":\"Invalid Crumb\"}}}")));
        TestStore.add(db, IntStream.range(0, 20).boxed().flatMap(i -> java.util.stream.Stream.of(
                listing("NAS", String.format("T%04d", i), "000"),
                listing("TSE", String.format("%04d", 1000 + i), "000"))).toArray(Listing[]::new));

        EnrichReport report = run(EnrichMode.INCREMENTAL, Region.US, Region.JP);

        assertThat(report.status()).isEqualTo(RunState.COMPLETED);
        assertThat(report.incomplete()).isFalse();
        assertThat(report.regions()).allSatisfy(r -> assertThat(r.classifiedBy(Source.YAHOO)).isEqualTo(20));
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/v1/test/getcrumb"))))
                .as("one opening and one renewal, shared by both regions").hasSize(2);
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/v10/finance/quoteSummary/1010.T"))))
                .hasSize(2);
    }

    @Test
    void aKnownClassificationOutranksKisAndYahooButNotAManualFix() {
        yahoo.company("V", "Technology", "Credit Services", "Visa Inc.");
        TestStore.add(db, listing("NYS", "V", "720"), listing("NAS", "PYPL", "720"));
        db.dsl().update(TICKERS).set(TICKERS.SECTOR_CODE, "45").set(TICKERS.SOURCE, Source.MANUAL.name())
                .set(TICKERS.STATUS, TickerStatus.CLASSIFIED.name()).where(TICKERS.TICKER.eq("PYPL")).execute();

        EnrichReport report = run(EnrichMode.FORCE_REFRESH, Region.US);

        assertThat(row("US", "V").getSectorCode()).isEqualTo("40");
        assertThat(row("US", "V").getSource()).isEqualTo(KnownClassificationSource.KNOWN.name());
        assertThat(row("US", "V").getConfidence()).isEqualTo("HIGH");
        assertThat(row("US", "V").getIndustry()).isEqualTo("Financial Services");
        ClassificationEvidenceRecord known = evidence("V", KnownClassificationSource.KNOWN);
        assertThat(known.getConfidence()).isEqualTo("HIGH");
        assertThat(known.getRawCode()).isEqualTo("402010");
        assertThat(known.getDetail()).contains("GICS structure changes effective 17 March 2023");
        assertThat(yahoo.lookupCalls()).as("a high answer settles V without Yahoo").isZero();
        assertThat(report.regions().get(0).classifiedBy(KnownClassificationSource.KNOWN)).isEqualTo(1);
        assertThat(row("US", "PYPL").getSectorCode()).as("the manual fix stands").isEqualTo("45");
        assertThat(row("US", "PYPL").getSource()).isEqualTo(Source.MANUAL.name());
    }
}
