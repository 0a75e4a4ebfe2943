package io.spock.metadata.kis;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.app.SpockException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.kis.KisStubs.CREDENTIALS;
import static io.spock.metadata.kis.KisStubs.KEY;
import static io.spock.metadata.kis.KisStubs.OTHER_CREDENTIALS;
import static io.spock.metadata.kis.KisStubs.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KisTokenStoreTest {

    private static final String TOKEN_PATH = "/oauth2/tokenP";
    /** 2025-10-17 09:00 in Seoul; the stubbed token expires a day later. */
    private static final Instant START = Instant.parse("2025-10-17T00:00:00Z");

    @RegisterExtension
    static WireMockExtension kis = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);

    private KisTokenStore store(Path cacheFile) {
        return new KisTokenStore(URI.create(kis.baseUrl()), cacheFile, HttpClient.newHttpClient(), clock,
                Duration.ofMinutes(10), Duration.ofSeconds(5));
    }

    @Test
    void issuesATokenWithTheDocumentedRequest() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-1")));

        KisAccessToken token = store(dir.resolve("token.json")).token(CREDENTIALS);

        assertThat(token).isEqualTo(new KisAccessToken("tok-1", START.plus(Duration.ofDays(1))));
        assertThat(token.toString()).doesNotContain("tok-1");
        kis.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("text/plain"))
                .withHeader("charset", equalTo("UTF-8"))
                .withRequestBody(equalToJson("""
                        {"grant_type":"client_credentials","appkey":"%s","appsecret":"%s"}"""
                        .formatted(KEY, SECRET))));
    }

    @Test
    void reusesTheTokenFromMemoryAndFromTheOwnerOnlyCacheFile() throws IOException {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-1")));
        Path cacheFile = dir.resolve("new-dir").resolve("token.json");

        KisAccessToken first = store(cacheFile).token(CREDENTIALS);
        KisAccessToken again = store(cacheFile).token(CREDENTIALS);
        KisTokenStore store = store(cacheFile);
        store.token(CREDENTIALS);
        store.token(CREDENTIALS);

        assertThat(again).isEqualTo(first);
        kis.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile))).isEqualTo("rw-------");
        assertThat(Files.readString(cacheFile))
                .contains(KisTokenStore.sha256(KEY))
                .doesNotContain(KEY).doesNotContain(SECRET);
        try (var leftovers = Files.list(cacheFile.getParent())) {
            assertThat(leftovers).containsExactly(cacheFile);
        }
    }

    @Test
    void asksForANewTokenWhenTheCachedOneIsAboutToExpire() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-1")));
        KisTokenStore store = store(dir.resolve("token.json"));
        store.token(CREDENTIALS);

        clock.advance(Duration.ofHours(23).plusMinutes(49));
        store.token(CREDENTIALS);
        kis.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

        clock.advance(Duration.ofMinutes(1));
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-2")));
        assertThat(store.token(CREDENTIALS).value()).isEqualTo("tok-2");
        kis.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void theEarlierOfLifetimeAndExpiryDateWins() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.json(200, """
                {"access_token":"tok","access_token_token_expired":"2025-10-17 12:00:00","expires_in":86400}""")));

        KisAccessToken token = store(dir.resolve("token.json")).token(CREDENTIALS);

        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2025-10-17T03:00:00Z"));
    }

    @Test
    void ignoresATokenCachedForAnotherAppKey() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-1")));
        Path cacheFile = dir.resolve("token.json");
        store(cacheFile).token(CREDENTIALS);
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-other")));

        assertThat(store(cacheFile).token(OTHER_CREDENTIALS).value()).isEqualTo("tok-other");
        kis.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(equalToJson(
                "{\"grant_type\":\"client_credentials\"}", true, true)));
    }

    @Test
    void anInvalidatedTokenIsReplacedAndAStaleInvalidationIsIgnored() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-1")));
        Path cacheFile = dir.resolve("token.json");
        KisTokenStore store = store(cacheFile);
        KisAccessToken rejected = store.token(CREDENTIALS);

        store.invalidate(rejected);
        assertThat(cacheFile).doesNotExist();
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-2")));
        assertThat(store.token(CREDENTIALS).value()).isEqualTo("tok-2");
        store.invalidate(rejected);

        assertThat(store.token(CREDENTIALS).value()).isEqualTo("tok-2");
        kis.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aCorruptCacheFileIsIgnored() throws IOException {
        Path cacheFile = Files.writeString(dir.resolve("token.json"), "{not json");
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.token("tok-1")));

        assertThat(store(cacheFile).token(CREDENTIALS).value()).isEqualTo("tok-1");
    }

    @Test
    void aSecondTokenWithinAMinuteIsRefusedInOneLine() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.onePerMinute()));

        assertThatThrownBy(() -> store(dir.resolve("token.json")).token(CREDENTIALS))
                .isInstanceOf(SpockException.class)
                .hasMessage("KIS allows one token per minute: try again in a minute");
    }

    @Test
    void wrongCredentialsAreOneLineWithoutSecrets() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.json(401, """
                {"error_description":"유효하지 않은 AppKey입니다.\\nappkey=%s",
                 "error_code":"EGW00103"}""".formatted(KEY))));

        assertThatThrownBy(() -> store(dir.resolve("token.json")).token(CREDENTIALS))
                .isInstanceOf(SpockException.class)
                .hasMessage("KIS token request to " + kis.baseUrl() + "/oauth2/tokenP refused: HTTP 401 EGW00103 "
                        + "유효하지 않은 AppKey입니다. appkey=****: check KIS_APP_KEY, KIS_APP_SECRET and "
                        + "KIS_ACCOUNT_TYPE (key PSke****)");
    }

    @Test
    void aForbiddenReplyThatIsNotJsonIsStillOneLine() {
        kis.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(KisStubs.json(403, "<html>\nForbidden\n</html>")));

        assertThatThrownBy(() -> store(dir.resolve("token.json")).token(CREDENTIALS))
                .isInstanceOf(SpockException.class)
                .hasMessage("KIS token request to " + kis.baseUrl() + "/oauth2/tokenP refused: HTTP 403: check "
                        + "KIS_APP_KEY, KIS_APP_SECRET and KIS_ACCOUNT_TYPE (key PSke****)");
    }
}
