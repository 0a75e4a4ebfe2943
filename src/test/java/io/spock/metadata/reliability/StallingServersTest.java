package io.spock.metadata.reliability;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.ProjectConfig;
import io.spock.metadata.support.YahooStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that asks a server, against a server that sends its headers and then stalls (for minutes, far
 * past the timeout that fails each test): each ends at its deadline with the documented failure, never a hang.
 */
@Timeout(180)
class StallingServersTest {

    /** Headers at once, then the body's second half seven and a half minutes later. */
    private static final int STALL_MS = 900_000;

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;

    private CliRun cli() {
        ProjectConfig.copyTo(home);
        return new CliRun(home)
                .property("spock.yahoo.url", server.baseUrl())
                .property("spock.yahoo.cookie-url", server.baseUrl() + "/cookie")
                .property("spock.yahoo.request-timeout", "500ms")
                .property("spock.yahoo.retry.initial-delay", "1ms")
                .property("spock.yahoo.retry.max-delay", "2ms")
                .property("spock.kis.master-url", server.baseUrl() + "/common/master")
                .property("spock.kis.api-url", server.baseUrl())
                .property("spock.kis.timeout", "1s");
    }

    @Test
    void enrichRecordsAYahooAnswerThatStallsAsFailedAndFinishes() {
        new YahooStub(server).answer("AIM", YahooStub.json(200, "{\"quoteSummary\":{\"result\":[]}}")
                .withChunkedDribbleDelay(2, STALL_MS));

        CliRun.Result result = cli().run("enrich", "--tickers", "AIM", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(result.out()).contains("\"failed\" : 1").contains("Yahoo Finance request timed out");
    }

    @Test
    void importMasterEndsAStalledDownloadAtTheDeadlineAsOneLine() {
        server.stubFor(get(urlEqualTo("/common/master/nasmst.cod.zip")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/zip").withBody(new byte[4_096])
                .withChunkedDribbleDelay(2, STALL_MS)));

        CliRun.Result result = cli().run("import-master", "--markets", "nas");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).isEqualTo("error: KIS master download failed: GET " + server.baseUrl()
                + "/common/master/nasmst.cod.zip: no complete response within 1 s (" + server.baseUrl() + ")");
    }

    @Test
    void kisCodesEndsAStalledAnswerAtTheDeadlineAsOneLine() {
        server.stubFor(post(urlEqualTo("/oauth2/tokenP")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"tok\",\"expires_in\":86400}")));
        server.stubFor(get(urlPathEqualTo("/uapi/overseas-price/v1/quotations/industry-price")).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"rt_cd\":\"0\",\"output2\":[]}").withChunkedDribbleDelay(2, STALL_MS)));

        CliRun.Result result = cli().env("KIS_APP_KEY", "PSkeyAAAAbbbbCCCC").env("KIS_APP_SECRET", "s3cretS3CRET")
                .run("kis-codes", "--exchange", "NAS");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).startsWith("error: KIS industry codes for NAS failed: no complete response within "
                + "1 s").doesNotContain("\n");
    }
}
