package io.spock.metadata.reliability;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichReport;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.Sleeper;
import io.spock.metadata.enrich.TestPipeline;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.support.YahooStub;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.support.TestStore.listing;
import static io.spock.metadata.support.YahooRecordings.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One pipeline run per Yahoo fault: each ends with the ticker classified or recorded with its reason, and
 * never more HTTP attempts than the retry policy allows. None may hang: the stalling stubs stall for minutes, far past
 * the timeout that fails the test.
 */
@Timeout(120)
class YahooFaultMatrixTest {

    private static final int MAX_ATTEMPTS = 3;
    /** The JDK HTTP client itself sends an idempotent GET once more when the connection dies before a response. */
    private static final int TRANSPORT_RETRY = 2;

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Database db;
    ExecutorService pool;
    YahooStub yahoo;

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(4);
        yahoo = new YahooStub(wireMock);
        db = TestStore.open(dir);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        db.close();
    }

    static Stream<Arguments> faults() {
        String json = "application/json;charset=utf-8";
        return Stream.of(
                Arguments.of("429 with Retry-After", aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody("Too Many Requests"), "DEFERRED", MAX_ATTEMPTS),
                Arguments.of("429 without Retry-After", aResponse().withStatus(429).withBody("Too Many Requests"),
                        "DEFERRED", MAX_ATTEMPTS),
                Arguments.of("500", aResponse().withStatus(500).withBody("Internal Server Error"), "FAILED",
                        MAX_ATTEMPTS),
                Arguments.of("503", aResponse().withStatus(503).withBody("Service Unavailable"), "FAILED",
                        MAX_ATTEMPTS),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "FAILED",
                        TRANSPORT_RETRY * MAX_ATTEMPTS),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), "FAILED",
                        TRANSPORT_RETRY * MAX_ATTEMPTS),
                Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), "FAILED",
                        MAX_ATTEMPTS),
                Arguments.of("invalid JSON", aResponse().withStatus(200).withHeader("Content-Type", json)
                        .withBody("{\"quoteSummary\":{\"result\":[{"), "FAILED", MAX_ATTEMPTS),
                Arguments.of("read timeout", aResponse().withStatus(200).withFixedDelay(1_500)
                        .withHeader("Content-Type", json).withBody("{}"), "FAILED", MAX_ATTEMPTS),
                Arguments.of("headers, then the body stalls", aResponse().withStatus(200)
                        .withHeader("Content-Type", json).withBody("{\"quoteSummary\":{\"result\":[]}}")
                        .withChunkedDribbleDelay(2, 300_000), "FAILED", MAX_ATTEMPTS),
                Arguments.of("body trickling a byte a second", aResponse().withStatus(200)
                        .withHeader("Content-Type", json).withBody(" ".repeat(240) + "{}")
                        .withChunkedDribbleDelay(242, 242_000), "FAILED", MAX_ATTEMPTS),
                Arguments.of("body larger than the cap", aResponse().withStatus(200)
                        .withHeader("Content-Type", json).withBody(" ".repeat(2 << 20) + "{}"), "FAILED",
                        MAX_ATTEMPTS),
                Arguments.of("401 Invalid Crumb", YahooStub.json(401,
                        "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\","
                                + "\"description\":\"Invalid Crumb\"}}}"), "FAILED", 2),
                Arguments.of("404 Not Found", YahooStub.notFound(), "NOT_FOUND", 1),
                Arguments.of("404 with a finance.error root", recorded("quoteSummary-404-finance-error"), "NOT_FOUND",
                        1),
                Arguments.of("200 with result []", recorded("quoteSummary-empty-result"), "NOT_FOUND", 1),
                Arguments.of("200 equity without a sector", recorded("quoteSummary-equity-without-sector"),
                        "NOT_FOUND", 1),
                Arguments.of("200 HTML outage page", recorded("outage-page"), "FAILED", MAX_ATTEMPTS),
                Arguments.of("HTML consent page", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body><form action=\"https://consent.yahoo.com/v2/collectConsent\">"
                                + "</form></body></html>"), "FAILED", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void eachFaultEndsRecordedWithItsReasonAndBoundedRetries(String fault, ResponseDefinitionBuilder response,
                                                             String status, int attempts) {
        yahoo.answer("AAPL", response);
        TestStore.add(db, listing("NAS", "AAPL", "000"));

        EnrichReport report = service(settings().build()).run(request(), ProgressListener.NONE);

        TickersRecord aapl = db.dsl().fetchOne(TICKERS, TICKERS.TICKER.eq("AAPL"));
        assertThat(aapl.getStatus()).isEqualTo(status);
        assertThat(aapl.getLastError()).isNotBlank().doesNotContain("\n");
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/v10/finance/quoteSummary/AAPL"))))
                .hasSizeLessThanOrEqualTo(attempts);
        assertThat(report.incomplete()).as("not found is an answer; the rest leave the run incomplete")
                .isEqualTo(!status.equals("NOT_FOUND"));
    }

    @Test
    void crumbBodyTooManyRequestsDefersWithTheReason() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/test/getcrumb")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("Too Many Requests")));
        TestStore.add(db, listing("NAS", "AAPL", "000"));

        service(settings().build()).run(request(), ProgressListener.NONE);

        TickersRecord aapl = db.dsl().fetchOne(TICKERS, TICKERS.TICKER.eq("AAPL"));
        assertThat(aapl.getStatus()).isEqualTo("DEFERRED");
        assertThat(aapl.getLastError()).containsIgnoringCase("rate limited");
    }

    @Test
    void theBreakerOpensAfterFiveFailuresAndDefersTheRestWithoutRequests() {
        wireMock.stubFor(get(urlPathMatching("/v10/finance/quoteSummary/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        IntStream.range(0, 30).forEach(i -> TestStore.add(db, listing("NAS", "Z" + i, "000")));
        YahooSettings oneAttempt = settings().retry(1, Duration.ofMillis(1), Duration.ofMillis(1)).maxInFlight(1)
                .build();

        EnrichReport report = service(oneAttempt).run(request(), ProgressListener.NONE);

        // Five failures open it; the one request already past the breaker with the in-flight slot may finish.
        int requests = wireMock.findAll(getRequestedFor(urlPathMatching("/v10/finance/quoteSummary/.*"))).size();
        assertThat(requests).isBetween(5, 5 + 1);
        assertThat(report.regions().get(0).failed()).isEqualTo(requests);
        assertThat(report.regions().get(0).deferred()).isEqualTo(30 - requests);
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.LAST_ERROR.contains("circuit open"))).isEqualTo(30 - requests);
    }

    private YahooSettings.Builder settings() {
        return YahooSettings.builder()
                .queryBaseUrl(URI.create(wireMock.baseUrl()))
                .cookieUrl(URI.create(yahoo.cookieUrl()))
                .rate(1000, 10)
                .timeouts(Duration.ofSeconds(1), Duration.ofMillis(500))
                .retry(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(4));
    }

    private static EnrichRequest request() {
        return new EnrichRequest(EnumSet.of(Region.US), EnrichMode.INCREMENTAL, List.of(), 30, false, false, false, 1);
    }

    private EnrichmentService service(YahooSettings settings) {
        return TestPipeline.service(db, settings, YahooRequestListener.NO_OP, pool, Sleeper.SYSTEM);
    }
}
