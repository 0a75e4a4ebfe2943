package io.spock.metadata.kis;

import io.spock.metadata.http.FakeTimeSource;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.UsageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.kis.KisApiClient.INDUSTRY_CODES_PATH;
import static io.spock.metadata.kis.KisApiClient.PRICE_DETAIL_PATH;
import static io.spock.metadata.kis.KisStubs.CREDENTIALS;
import static io.spock.metadata.kis.KisStubs.KEY;
import static io.spock.metadata.kis.KisStubs.SECRET;
import static io.spock.metadata.kis.KisStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KisApiClientTest {

    private static final String TOKEN_PATH = "/oauth2/tokenP";
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final String APPLE_DETAIL = """
            {"rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다.",
             "output":{"rsym":"DNASAAPL","e_icod":"컴퓨터전자장비/기기 ","curr":"USD"}}""";

    @RegisterExtension
    static WireMockExtension kis = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final FakeTimeSource time = new FakeTimeSource();
    private KisTokenStore tokenStore;

    @BeforeEach
    void setUp() {
        tokenStore = new KisTokenStore(URI.create(kis.baseUrl()), dir.resolve("token.json"),
                HttpClient.newHttpClient(), new MutableClock(Instant.parse("2025-10-17T00:00:00Z")),
                KisTokenStore.DEFAULT_RENEWAL_MARGIN, Duration.ofSeconds(5));
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-1")));
    }

    private KisApiClient client(double callsPerSecond) {
        return new KisApiClient(URI.create(kis.baseUrl()), CREDENTIALS, tokenStore, callsPerSecond, time, PAUSE, 3,
                HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    private static MappingBuilder detail() {
        return get(urlPathEqualTo(PRICE_DETAIL_PATH));
    }

    @Test
    void priceDetailSendsTheDocumentedHeadersAndParameters() {
        kis.stubFor(detail().willReturn(json(200, APPLE_DETAIL)));

        Optional<String> sector = client(20).priceDetailSector("nas", "AAPL");

        assertThat(sector).contains("컴퓨터전자장비/기기");
        kis.verify(getRequestedFor(urlEqualTo(PRICE_DETAIL_PATH + "?AUTH=&EXCD=NAS&SYMB=AAPL"))
                .withHeader("authorization", equalTo("Bearer tok-1"))
                .withHeader("appkey", equalTo(KEY))
                .withHeader("appsecret", equalTo(SECRET))
                .withHeader("tr_id", equalTo("HHDFS76200200"))
                .withHeader("custtype", equalTo("P"))
                .withHeader("tr_cont", equalTo(""))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aBlankSectorIsEmpty() {
        kis.stubFor(detail().willReturn(json(200, """
                {"rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다.","output":{"e_icod":" "}}""")));

        assertThat(client(20).priceDetailSector("HKS", "00700")).isEmpty();
    }

    @Test
    void industryCodesFollowPagesWhileTrContIsMOrF() {
        String pages = "industry pages";
        kis.stubFor(get(urlPathEqualTo(INDUSTRY_CODES_PATH)).inScenario(pages).whenScenarioStateIs(Scenario.STARTED)
                .withHeader("tr_cont", equalTo(""))
                .willReturn(industryPage("M", "{\"icod\":\"010\",\"name\":\"에너지 및 관련 서비스\"}"))
                .willSetStateTo("second"));
        kis.stubFor(get(urlPathEqualTo(INDUSTRY_CODES_PATH)).inScenario(pages).whenScenarioStateIs("second")
                .withHeader("tr_cont", equalTo("N"))
                .willReturn(industryPage("F", "{\"icod\":\"710\",\"name\":\"반도체 및 반도체장비\"}"))
                .willSetStateTo("third"));
        kis.stubFor(get(urlPathEqualTo(INDUSTRY_CODES_PATH)).inScenario(pages).whenScenarioStateIs("third")
                .withHeader("tr_cont", equalTo("N"))
                .willReturn(industryPage("D", "{\"icod\":\"930\",\"name\":\"공익사업\"}")));

        var codes = client(20).industryCodes("NAS");

        assertThat(codes).containsExactly(new KisIndustryCode("010", "에너지 및 관련 서비스"),
                new KisIndustryCode("710", "반도체 및 반도체장비"), new KisIndustryCode("930", "공익사업"));
        kis.verify(3, getRequestedFor(urlEqualTo(INDUSTRY_CODES_PATH + "?EXCD=NAS&AUTH="))
                .withHeader("tr_id", equalTo("HHDFS76370100")));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 200})
    void rateLimitIsRetriedAfterThePauseWhateverTheStatus(int status) {
        kis.stubFor(detail().inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(KisStubs.rateLimited(status)).willSetStateTo("calm"));
        kis.stubFor(detail().inScenario("limit").whenScenarioStateIs("calm").willReturn(json(200, APPLE_DETAIL)));

        assertThat(client(20).priceDetailSector("NAS", "AAPL")).contains("컴퓨터전자장비/기기");

        kis.verify(2, getRequestedFor(urlPathEqualTo(PRICE_DETAIL_PATH)));
        assertThat(time.sleeps()).contains(PAUSE.toNanos());
    }

    @Test
    void rateLimitGivesUpAfterMaxTries() {
        kis.stubFor(detail().willReturn(KisStubs.rateLimited(500)));

        assertThatThrownBy(() -> client(20).priceDetailSector("NAS", "AAPL"))
                .isInstanceOfSatisfying(SpockException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.ERROR))
                .hasMessage("KIS price detail for NAS AAPL failed: EGW00201 too many calls per second, "
                        + "still after 3 tries");
        kis.verify(3, getRequestedFor(urlPathEqualTo(PRICE_DETAIL_PATH)));
        assertThat(time.sleeps()).containsExactly(PAUSE.toNanos(), PAUSE.toNanos());
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRepeated() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(KisStubs.token("tok-1")).willSetStateTo("renewed"));
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(KisStubs.token("tok-2")));
        kis.stubFor(detail().withHeader("authorization", equalTo("Bearer tok-1")).willReturn(KisStubs.expiredToken()));
        kis.stubFor(detail().withHeader("authorization", equalTo("Bearer tok-2")).willReturn(json(200, APPLE_DETAIL)));

        assertThat(client(20).priceDetailSector("NAS", "AAPL")).contains("컴퓨터전자장비/기기");

        kis.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        kis.verify(2, getRequestedFor(urlPathEqualTo(PRICE_DETAIL_PATH)));
    }

    @Test
    void anExpiredTokenTwiceIsAnError() {
        kis.stubFor(detail().willReturn(KisStubs.expiredToken()));

        assertThatThrownBy(() -> client(20).priceDetailSector("NAS", "AAPL"))
                .isInstanceOf(SpockException.class)
                .hasMessage("KIS price detail for NAS AAPL failed: EGW00123 기간이 만료된 token 입니다.");
        kis.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        kis.verify(2, getRequestedFor(urlPathEqualTo(PRICE_DETAIL_PATH)));
    }

    @Test
    void otherKisErrorsAreOneLineWithCodeAndMessageAndNoSecrets() {
        kis.stubFor(detail().willReturn(json(200, """
                {"rt_cd":"1","msg_cd":"OPSQ0002","msg1":"없는 서비스 코드 입니다\\n(token tok-1, appsecret %s)"}"""
                .formatted(SECRET))));

        assertThatThrownBy(() -> client(20).priceDetailSector("NAS", "AAPL"))
                .isInstanceOf(SpockException.class)
                .hasMessage("KIS price detail for NAS AAPL failed: OPSQ0002 없는 서비스 코드 입니다 "
                        + "(token ****, appsecret ****)");
    }

    @Test
    void anEchoedSecretLongerThanTheCutIsMaskedBeforeTheCut() {
        String longSecret = "S".repeat(60) + "e".repeat(60) + "C".repeat(60);
        KisCredentials credentials = new KisCredentials(KEY, longSecret, KisAccountType.REAL);
        kis.stubFor(detail().willReturn(json(200, """
                {"rt_cd":"1","msg_cd":"EGW00105","msg1":"유효하지 않은 AppSecret입니다: %s"}""".formatted(longSecret))));
        KisApiClient client = new KisApiClient(URI.create(kis.baseUrl()), credentials, tokenStore, 20, time, PAUSE, 3,
                HttpClient.newHttpClient(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.priceDetailSector("NAS", "AAPL"))
                .isInstanceOf(SpockException.class)
                .hasMessage("KIS price detail for NAS AAPL failed: EGW00105 유효하지 않은 AppSecret입니다: ****")
                .message().doesNotContain("SSSS", "eeee", "CCCC");
    }

    @Test
    @Timeout(30)
    void anAnswerThatStallsAfterItsHeadersEndsAtTheDeadlineAsOneLine() {
        kis.stubFor(detail().willReturn(json(200, APPLE_DETAIL).withChunkedDribbleDelay(2, 300_000)));
        KisApiClient client = new KisApiClient(URI.create(kis.baseUrl()), CREDENTIALS, tokenStore, 20, time, PAUSE, 3,
                HttpClient.newHttpClient(), Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.priceDetailSector("NAS", "AAPL"))
                .isInstanceOfSatisfying(SpockException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.ERROR))
                .hasMessage("KIS price detail for NAS AAPL failed: no complete response within 1 s ("
                        + kis.baseUrl() + ") (localhost)");
    }

    @Test
    void aRedirectIsRefusedWithoutSendingTheCredentialsAnywhere() {
        kis.stubFor(detail().willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(307)
                .withHeader("Location", "https://collector.example/steal")));

        assertThatThrownBy(() -> client(20).priceDetailSector("NAS", "AAPL"))
                .isInstanceOf(SpockException.class)
                .hasMessage("KIS price detail for NAS AAPL failed: redirected (HTTP 307) from " + kis.baseUrl()
                        + " to https://collector.example: not followed, the request carries credentials (localhost)");
    }

    @Test
    void aServerErrorWithoutJsonIsOneLine() {
        kis.stubFor(detail().willReturn(json(502, "<html>\nBad gateway\n</html>")));

        assertThatThrownBy(() -> client(20).priceDetailSector("NAS", "AAPL"))
                .isInstanceOf(SpockException.class)
                .hasMessage("KIS price detail for NAS AAPL failed: HTTP 502");
    }

    @Test
    void callsAreSpacedToThePerSecondLimit() {
        kis.stubFor(detail().willReturn(json(200, APPLE_DETAIL)));
        KisApiClient paper = client(2);

        for (int i = 0; i < 5; i++) {
            paper.priceDetailSector("NAS", "AAPL");
        }

        assertThat(time.elapsedNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void unknownExchangesAndBlankSymbolsAreUsageErrors() {
        assertThatThrownBy(() -> client(20).industryCodes("LSE")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown exchange 'LSE'");
        assertThatThrownBy(() -> client(20).priceDetailSector("NAS", " ")).isInstanceOf(UsageException.class);
        kis.verify(0, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder industryPage(String trCont,
                                                                                                 String item) {
        return json(200, """
                {"rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다.","output1":{"nrec":"1"},
                 "output2":[%s]}""".formatted(item)).withHeader("tr_cont", trCont);
    }
}
