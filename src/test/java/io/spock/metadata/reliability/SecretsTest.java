package io.spock.metadata.reliability;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.support.ProjectConfig;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.FakePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With KIS credentials set, every command runs with {@code --verbose}; the key, the secret and the access token
 * appear in no output, log file, report, export or database row. Only the owner-only token cache holds the token.
 * Also: a database URL's password, a secret a server echoes in an answer longer than the one-line cut, a redirect
 * that would carry the credentials elsewhere, and the shell history.
 */
@Timeout(180)
class SecretsTest {

    private static final String KEY = "PSkeyQQQQwwwwEEEErrrrTTTTyyyy77778888";
    private static final String SECRET = "SECRETabcSECRETabcSECRETabc+/==";
    private static final String TOKEN = "eyTOKENtokenTOKENtoken.very.secret";

    @RegisterExtension
    static WireMockExtension kis = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path home;

    @Test
    void noCommandRevealsTheKeySecretOrToken() throws IOException {
        CliRun cli = kisCli().env("KIS_APP_KEY", KEY).env("KIS_APP_SECRET", SECRET);
        kis.stubFor(get(urlPathEqualTo("/uapi/overseas-price/v1/quotations/industry-price")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"ok\",\"output1\":{},"
                                + "\"output2\":[{\"icod\":\"010\",\"name\":\"에너지\"}]}")));
        Path csv = home.resolve("universe.csv");

        List<CliRun.Result> results = new ArrayList<>();
        for (String[] command : List.of(
                new String[] {"--verbose", "status"},
                new String[] {"--verbose", "status", "--format", "json"},
                new String[] {"--verbose", "kis-codes", "--exchange", "NAS"},
                new String[] {"--verbose", "enrich", "--regions", "US"},
                new String[] {"--verbose", "inspect-ticker", "AAPL", "--live"},
                new String[] {"--verbose", "map-sector", "AAPL", "45", "--reason", "checked"},
                new String[] {"--verbose", "coverage-report"},
                new String[] {"--verbose", "export-csv", csv.toString()},
                new String[] {"--verbose", "import-csv", csv.toString()},
                new String[] {"--verbose", "migrate-to", "--target", home.resolve("copy.db").toString()},
                new String[] {"--verbose", "kis-codes", "--exchange", "XXX"})) {
            results.add(cli.run(command));
        }

        assertThat(results.get(2).exitCode()).as(results.get(2).err()).isZero();
        for (CliRun.Result result : results) {
            assertThat(result.out() + result.err()).doesNotContain(KEY, SECRET, TOKEN);
        }
        Path tokenCache = home.resolve(".kis-token.json");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(tokenCache)).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(KEY, SECRET, TOKEN);
            }
        }
        assertThat(Files.readString(tokenCache)).doesNotContain(KEY, SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenCache))).isEqualTo("rw-------");
        assertThat(Files.size(home.resolve("logs/spock.log"))).as("the DEBUG log was written and scanned").isPositive();
    }

    private CliRun kisCli() {
        ProjectConfig.copyTo(home);
        kis.stubFor(post(urlEqualTo("/oauth2/tokenP")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"" + TOKEN
                        + "\",\"access_token_token_expired\":\"2099-10-18 09:00:00\",\"expires_in\":86400}")));
        return new CliRun(home).property("spock.kis.api-url", kis.baseUrl()).yahooUnreachable();
    }

    /** Every file under the home folder, as text. */
    private String allFiles() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    @Test
    void aDatabaseUrlPasswordIsMaskedOnTheConsoleAndInTheLog() throws IOException {
        String password = "hunter2UserinfoPassword";
        try (FakePostgres server = new FakePostgres()) {
            String url = "jdbc:postgresql://bob:" + password + "@127.0.0.1:" + server.port() + "/spock";

            CliRun.Result start = new CliRun(home).property("spock.db", url).run("--verbose", "status");
            CliRun.Result migrate = new CliRun(home).run("--verbose", "migrate-to", "--target", url);

            assertThat(start.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(start.errors()).contains("bob:****@127.0.0.1");
            assertThat(migrate.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(start.out() + start.err() + migrate.out() + migrate.err()).doesNotContain(password);
            assertThat(allFiles()).doesNotContain(password);
        }
    }

    @Test
    void aSecretEchoedByKisLongerThanTheCutIsMaskedWhole() throws IOException {
        String longSecret = "SECRETchunkONE" + "x".repeat(60) + "SECRETchunkTWO" + "y".repeat(60) + "SECRETchunkEND";
        CliRun cli = kisCli();
        kis.stubFor(get(urlPathEqualTo("/uapi/overseas-price/v1/quotations/industry-price")).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/json").withBody(
                        "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00105\",\"msg1\":\"invalid appsecret " + longSecret
                                + "\"}")));

        CliRun.Result result = cli.env("KIS_APP_KEY", KEY).env("KIS_APP_SECRET", longSecret)
                .run("--verbose", "kis-codes", "--exchange", "NAS");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).contains("invalid appsecret ****");
        assertThat(result.out() + result.err() + allFiles()).doesNotContain("SECRETchunk").doesNotContain("xxxxxxxxxx");
    }

    @Test
    void aRedirectWouldCarryTheCredentialsElsewhereSoItIsRefused() throws IOException {
        CliRun cli = kisCli();
        kis.stubFor(get(urlPathEqualTo("/uapi/overseas-price/v1/quotations/industry-price")).willReturn(aResponse()
                .withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/collect")));
        elsewhere.stubFor(get(urlPathEqualTo("/collect")).willReturn(aResponse().withStatus(200)));

        CliRun.Result result = cli.env("KIS_APP_KEY", KEY).env("KIS_APP_SECRET", SECRET)
                .run("kis-codes", "--exchange", "NAS");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).isEqualTo("error: KIS industry codes for NAS failed: redirected (HTTP 302) from "
                + kis.baseUrl() + " to " + elsewhere.baseUrl() + ": not followed, the request carries credentials"
                + " (localhost)");
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
    }

    @Test
    void theShellHistoryIsOwnerOnlyAndHoldsNoCredentialValues() throws IOException {
        Path history = Files.createDirectories(home.resolve("logs")).resolve("shell-history.log");
        Files.writeString(history, "status\n");
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));
        String password = "hunter2HistoryPassword";

        new CliRun(home).interactive("migrate-to --target " + home.resolve("copy.db") + " --password " + password
                + "\nmigrate-to --target jdbc:postgresql://bob:" + password + "@127.0.0.1:1/x\nquit\n");

        String text = Files.readString(history);
        assertThat(text).contains("migrate-to --target").contains("--password ****").contains("bob:****@127.0.0.1")
                .doesNotContain(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
    }
}
