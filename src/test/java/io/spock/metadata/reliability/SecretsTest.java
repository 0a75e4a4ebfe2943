package io.spock.metadata.reliability;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.support.ProjectConfig;
import io.spock.metadata.support.CliRun;
import org.junit.jupiter.api.Test;
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
 */
class SecretsTest {

    private static final String KEY = "PSkeyQQQQwwwwEEEErrrrTTTTyyyy77778888";
    private static final String SECRET = "SECRETabcSECRETabcSECRETabc+/==";
    private static final String TOKEN = "eyTOKENtokenTOKENtoken.very.secret";

    @RegisterExtension
    static WireMockExtension kis = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;

    @Test
    void noCommandRevealsTheKeySecretOrToken() throws IOException {
        ProjectConfig.copyTo(home);
        kis.stubFor(post(urlEqualTo("/oauth2/tokenP")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"" + TOKEN
                        + "\",\"access_token_token_expired\":\"2099-10-18 09:00:00\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":86400}")));
        kis.stubFor(get(urlPathEqualTo("/uapi/overseas-price/v1/quotations/industry-price")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"ok\",\"output1\":{},"
                                + "\"output2\":[{\"icod\":\"010\",\"name\":\"에너지\"}]}")));
        CliRun cli = new CliRun(home)
                .property("spock.kis.api-url", kis.baseUrl())
                .property("spock.yahoo.url", "http://127.0.0.1:1")
                .property("spock.yahoo.cookie-url", "http://127.0.0.1:1/c")
                .property("spock.yahoo.retry.initial-delay", "1ms")
                .property("spock.yahoo.retry.max-delay", "2ms")
                .env("KIS_APP_KEY", KEY).env("KIS_APP_SECRET", SECRET);
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
}
