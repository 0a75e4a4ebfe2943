package io.spock.metadata.metrics;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.ProjectConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Pushgateway that cannot take the run's metrics (no server, a stalling one, one that refuses the push) costs one
 * warning line and never the run's result or exit status; credentials in its URL are used, never printed; a URL that
 * cannot be a Pushgateway's, from the option or the setting, is refused before the run with exit status 2.
 */
class PushgatewayFailureTest {

    private static final String GROUP = "/metrics/job/spock_enrichment/instance/night";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        ProjectConfig.copyTo(home);
        // an empty universe: every region completes at once, so the run exits 0 with or without a Pushgateway
        cli = new CliRun(home).yahooUnreachable().property("spock.demo", "false")
                .property("spock.metrics.instance", "night");
    }

    private List<String> warnings() {
        try {
            return Files.readAllLines(home.resolve("logs/spock.log")).stream()
                    .filter(l -> l.contains(" WARN ") && l.contains("Pushgateway")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachablePushgatewayIsOneWarningLineAndTheRunsResultStands() throws IOException {
        int port = closedPort();

        CliRun.Result result = cli.run("enrich", "--regions", "US,JP,HK", "--pushgateway", "http://127.0.0.1:" + port);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("completed");
        assertThat(result.errors()).isEmpty();
        assertThat(warnings()).singleElement().asString()
                .contains("Cannot push metrics to the Pushgateway at http://127.0.0.1:" + port)
                .contains("the run goes on without it");
    }

    @Test
    void aStallingPushgatewayIsGivenUpAfterThePushTimeout() {
        gateway.stubFor(any(urlPathMatching("/metrics/.*")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(5000)));

        CliRun.Result result = cli.property("spock.metrics.push-timeout", "500ms").run("enrich", "--regions", "US,JP", "--pushgateway", gateway.baseUrl());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(warnings()).singleElement().asString().contains("no answer within 0.5 s");
        // after the first failure only the run's final push is tried: not one per region
        assertThat(gateway.findAll(anyRequestedFor(urlPathMatching("/metrics/.*")))).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aPushgatewayThatRefusesThePushIsOneWarningLineWithItsAnswer() {
        gateway.stubFor(any(urlPathMatching("/metrics/.*")).willReturn(aResponse().withStatus(400)
                .withBody("pushed metrics are invalid or inconsistent with existing metrics\n")));

        CliRun.Result result = cli.run("enrich", "--regions", "US", "--pushgateway", gateway.baseUrl());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(warnings()).singleElement().asString().contains(
                "HTTP 400: pushed metrics are invalid or inconsistent with existing metrics; the run goes on");
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndNeverPrinted() throws IOException {
        gateway.stubFor(any(urlPathMatching("/metrics/.*")).willReturn(aResponse().withStatus(401)
                .withBody("Unauthorized")));
        String url = gateway.baseUrl().replace("http://", "http://spock:s3cret@");

        CliRun.Result result = cli.run("enrich", "--regions", "US", "--pushgateway", url);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        gateway.verify(anyRequestedFor(urlEqualTo(GROUP)).withBasicAuth(new BasicCredentials("spock", "s3cret")));
        assertThat(warnings()).singleElement().asString().contains("at " + gateway.baseUrl()).contains("HTTP 401: Unauthorized");
        assertThat(Files.readString(home.resolve("logs/spock.log"))).doesNotContain("s3cret");
        assertThat(result.out() + result.err()).doesNotContain("s3cret");
    }

    @Test
    void theSettingPushesEveryRunWithoutTheOption() {
        gateway.stubFor(any(urlPathMatching("/metrics/.*")).willReturn(aResponse().withStatus(200)));

        CliRun.Result result = cli.env("SPOCK_PUSHGATEWAY_URL", gateway.baseUrl()).run("enrich", "--regions", "US");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(warnings()).isEmpty();
        // the run's end replaces the whole group (it carries the last success) in the text format
        gateway.verify(putRequestedFor(urlEqualTo(GROUP)).withHeader("Content-Type",
                com.github.tomakehurst.wiremock.client.WireMock.containing("text/plain")));
    }

    @Test
    void aBadUrlInTheOptionIsUsageAndNoRunStarts() {
        CliRun.Result ftp = cli.run("enrich", "--pushgateway", "ftp://127.0.0.1:9091");
        CliRun.Result secret = cli.run("enrich", "--pushgateway", "http://u:s3cret@host:9091/?x=1");

        assertThat(ftp.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ftp.errors()).isEqualTo("error: --pushgateway: not a Pushgateway URL; expected "
                + "http://HOST:PORT (such as http://127.0.0.1:9091)");
        assertThat(secret.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(secret.err()).doesNotContain("s3cret");
        assertThat(cli.run("status", "--format", "json").out()).contains("\"last_run\" : null");
    }

    @Test
    void aBadSettingIsUsageNamingTheSettingAndADryRunRefusesTheOption() {
        CliRun.Result setting = cli.env("SPOCK_PUSHGATEWAY_URL", "pushgateway:9091").run("enrich", "--regions", "US");
        CliRun.Result dryRun = new CliRun(home).property("spock.demo", "false")
                .run("enrich", "--dry-run", "--pushgateway", "http://127.0.0.1:9091");

        assertThat(setting.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(setting.errors()).startsWith(
                "error: spock.metrics.pushgateway (SPOCK_PUSHGATEWAY_URL): not a Pushgateway URL");
        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dryRun.errors()).isEqualTo("error: --pushgateway: a dry run publishes no metrics");
    }
}
