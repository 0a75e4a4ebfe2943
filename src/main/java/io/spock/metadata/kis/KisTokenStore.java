package io.spock.metadata.kis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.Messages;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.http.BoundedExchange;
import io.spock.metadata.http.Utf8Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Issues KIS access tokens ({@code POST {base}/oauth2/tokenP}) and caches them on disk, because KIS issues at most
 * one token per minute, each is good for a day, and every issuance sends the account holder a KakaoTalk notice.
 *
 * <p>The cache is a JSON file readable by the owner only (the permissions are set when the file is created, before
 * the token is written). It holds a SHA-256 hash of the app key, not the key, so a token cached for another key is
 * never used. A token is reused until {@code renewalMargin} before it expires.
 */
public final class KisTokenStore {

    public static final Duration DEFAULT_RENEWAL_MARGIN = Duration.ofMinutes(10);

    static final String ONE_TOKEN_PER_MINUTE = "KIS allows one token per minute: try again in a minute";

    private static final Logger log = LoggerFactory.getLogger(KisTokenStore.class);
    private static final String TOKEN_PATH = "/oauth2/tokenP";
    private static final String TOKEN_PER_MINUTE_CODE = "EGW00133";
    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(1);
    private static final ZoneId KIS_ZONE = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter KIS_EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final FileAttribute<?> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final URI tokenUrl;
    private final Path cacheFile;
    private final BoundedExchange http;
    private final Clock clock;
    private final Duration renewalMargin;
    private final ObjectMapper json = new ObjectMapper();

    private CachedToken current;

    /** The format of the cache file. */
    private record CachedToken(String appKeySha256, String accessToken, String expiresAt) {

        KisAccessToken token() {
            return new KisAccessToken(accessToken, Instant.parse(expiresAt));
        }
    }

    public KisTokenStore(URI baseUrl, Path cacheFile) {
        this(baseUrl, cacheFile, KisHttp.credentialClient(), Clock.systemUTC(), DEFAULT_RENEWAL_MARGIN,
                KisHttp.DEFAULT_TIMEOUT);
    }

    /**
     * @param http     a client that does not follow redirects: the token request carries the key and secret
     * @param deadline how long one whole token request may take
     */
    public KisTokenStore(URI baseUrl, Path cacheFile, HttpClient http, Clock clock, Duration renewalMargin,
                         Duration deadline) {
        this.tokenUrl = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "")
                + TOKEN_PATH);
        this.cacheFile = Objects.requireNonNull(cacheFile, "cacheFile");
        this.http = KisHttp.rest(Objects.requireNonNull(http, "http"), deadline);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.renewalMargin = Objects.requireNonNull(renewalMargin, "renewalMargin");
    }

    /**
     * The cached token for these credentials if it is still good, else a new one from KIS.
     *
     * @throws SpockException (exit 1, one line) when KIS refuses: within a minute of the last token, or because the
     *                        credentials are wrong
     */
    public synchronized KisAccessToken token(KisCredentials credentials) {
        String keyHash = sha256(credentials.appKey());
        if (current == null || !current.appKeySha256().equals(keyHash)) {
            current = readCache().orElse(null);
        }
        if (current != null && current.appKeySha256().equals(keyHash) && stillGood(current)) {
            return current.token();
        }
        KisAccessToken issued = issue(credentials);
        current = new CachedToken(keyHash, issued.value(), issued.expiresAt().toString());
        writeCache(current);
        return issued;
    }

    /**
     * Forgets a token KIS has rejected as expired, so that the next {@link #token} call asks for a new one. Does
     * nothing if the store already holds a different token (another caller renewed it first).
     */
    public synchronized void invalidate(KisAccessToken rejected) {
        if (current != null && current.accessToken().equals(rejected.value())) {
            current = null;
            try {
                Files.deleteIfExists(cacheFile);
            } catch (IOException e) {
                log.warn("could not delete the KIS token cache {}: {}", cacheFile, OneLine.describe(e));
            }
        }
    }

    private boolean stillGood(CachedToken cached) {
        return clock.instant().isBefore(Instant.parse(cached.expiresAt()).minus(renewalMargin));
    }

    private KisAccessToken issue(KisCredentials credentials) {
        ObjectNode body = json.createObjectNode()
                .put("grant_type", "client_credentials")
                .put("appkey", credentials.appKey())
                .put("appsecret", credentials.appSecret());
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(http.limits().deadline())
                .header("Content-Type", "application/json")
                .header("Accept", "text/plain")
                .header("charset", "UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        Instant requestedAt = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, Utf8Body.handler("KIS", "the access token"));
        } catch (IOException e) {
            throw failure("KIS token request to " + tokenUrl + " failed: " + OneLine.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("KIS token request to " + tokenUrl + " interrupted");
        }
        JsonNode reply = parse(response.body());
        String token = reply.path("access_token").asText("");
        if (response.statusCode() == 200 && !token.isBlank()) {
            return new KisAccessToken(token, expiry(reply, requestedAt));
        }
        throw refusal(response.statusCode(), reply, credentials);
    }

    private SpockException refusal(int status, JsonNode reply, KisCredentials credentials) {
        String code = reply.path("error_code").asText(reply.path("msg_cd").asText(""));
        if (status == 403 && code.equals(TOKEN_PER_MINUTE_CODE)) {
            return failure(ONE_TOKEN_PER_MINUTE);
        }
        String description = reply.path("error_description").asText(reply.path("msg1").asText(""));
        String detail = Messages.flatten((code + " " + description).trim(), Secrets.of(credentials));
        String hint = status == 401 || status == 403
                ? ": check KIS_APP_KEY, KIS_APP_SECRET and KIS_ACCOUNT_TYPE (key " + credentials.maskedAppKey() + ")"
                : "";
        String reason = status == 200 ? "no access_token in the response" : "HTTP " + status;
        return failure("KIS token request to " + tokenUrl + " refused: " + reason
                + (detail.isEmpty() ? "" : " " + detail) + hint);
    }

    /** The earlier of {@code expires_in} and {@code access_token_token_expired} (Korean local time). */
    private Instant expiry(JsonNode reply, Instant requestedAt) {
        Optional<Instant> byLifetime = Optional.of(reply.path("expires_in").asLong(0))
                .filter(seconds -> seconds > 0)
                .map(requestedAt::plusSeconds);
        Optional<Instant> byDate = Optional.of(reply.path("access_token_token_expired").asText(""))
                .filter(text -> !text.isBlank())
                .flatMap(KisTokenStore::kisLocalTime);
        return Stream.of(byLifetime, byDate).flatMap(Optional::stream).min(Instant::compareTo)
                .orElse(requestedAt.plus(DEFAULT_LIFETIME));
    }

    private static Optional<Instant> kisLocalTime(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), KIS_EXPIRY).atZone(KIS_ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private JsonNode parse(String body) {
        return KisHttp.parseLenient(json, body);
    }

    private Optional<CachedToken> readCache() {
        if (!Files.isRegularFile(cacheFile)) {
            return Optional.empty();
        }
        try {
            CachedToken cached = json.readValue(cacheFile.toFile(), CachedToken.class);
            if (cached.appKeySha256() == null || cached.accessToken() == null) {
                throw new IOException("incomplete");
            }
            Instant.parse(cached.expiresAt());
            return Optional.of(cached);
        } catch (IOException | DateTimeParseException | NullPointerException e) {
            log.warn("ignoring an unreadable KIS token cache {}", cacheFile);
            return Optional.empty();
        }
    }

    /** Writes a new owner-only file beside the cache and moves it into place, so no reader sees half a file. */
    private void writeCache(CachedToken token) {
        try {
            Path directory = cacheFile.toAbsolutePath().getParent();
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, OWNER_ONLY_DIRECTORY);
                } else {
                    Files.createDirectories(directory);
                }
            }
            Path temporary = posix
                    ? Files.createTempFile(directory, ".kis-token", ".tmp", OWNER_ONLY_FILE)
                    : Files.createTempFile(directory, ".kis-token", ".tmp");
            try {
                Files.write(temporary, json.writeValueAsBytes(token));
                Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            log.warn("could not cache the KIS token at {}: {}", cacheFile, OneLine.describe(e));
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static SpockException failure(String message) {
        return new SpockException(ExitCodes.ERROR, message);
    }
}
