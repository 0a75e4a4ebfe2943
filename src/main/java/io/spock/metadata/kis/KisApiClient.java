package io.spock.metadata.kis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.Messages;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.http.BoundedExchange;
import io.spock.metadata.http.TimeSource;
import io.spock.metadata.http.TokenBucket;
import io.spock.metadata.http.Utf8Body;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The KIS REST calls that carry sector data. Calls are spaced to the account's per-second limit. Whatever the HTTP
 * status, the body's {@code msg_cd} decides: EGW00201 (too many calls per second) is retried after a pause, up to
 * {@code maxTries} tries; EGW00123 (expired token) renews the token once and repeats the call; any other
 * {@code rt_cd} but "0" is a one-line error with KIS's code and message. Key, secret and token never reach a message:
 * they are masked in what KIS echoes before the echo is cut to one line, and a redirect is refused rather than
 * followed with them. Every call has a deadline for the whole exchange and a body cap ({@link BoundedExchange}).
 */
public final class KisApiClient {

    public static final Duration DEFAULT_RETRY_PAUSE = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_TRIES = 3;

    static final String INDUSTRY_CODES_PATH = "/uapi/overseas-price/v1/quotations/industry-price";
    static final String INDUSTRY_CODES_TR_ID = "HHDFS76370100";
    static final String PRICE_DETAIL_PATH = "/uapi/overseas-price/v1/quotations/price-detail";
    static final String PRICE_DETAIL_TR_ID = "HHDFS76200200";

    private static final String RATE_LIMITED = "EGW00201";
    private static final String TOKEN_EXPIRED = "EGW00123";
    private static final String NEXT_PAGE = "N";
    private static final int MAX_PAGES = 100;

    private final String baseUrl;
    private final KisCredentials credentials;
    private final KisTokenStore tokenStore;
    private final TokenBucket pacer;
    private final TimeSource time;
    private final Duration retryPause;
    private final int maxTries;
    private final BoundedExchange http;
    private final ObjectMapper json = new ObjectMapper();

    /** One response: its body and the {@code tr_cont} header that says whether another page follows. */
    private record Page(JsonNode body, String trCont) {

        boolean hasMore() {
            return trCont.equals("M") || trCont.equals("F");
        }
    }

    /**
     * @param baseUrl        the REST server, see {@link KisAccountType#baseUrl()}
     * @param callsPerSecond the account's limit, see {@link KisAccountType#callsPerSecond()}
     * @param timeSource     spaces the calls and times the pause; {@link TimeSource#system()} in production
     * @param retryPause     the wait after an EGW00201 (too many calls per second) before the next try
     * @param maxTries       tries per call while KIS answers EGW00201, at least 1
     */
    public KisApiClient(URI baseUrl, KisCredentials credentials, KisTokenStore tokenStore, double callsPerSecond,
                        TimeSource timeSource, Duration retryPause, int maxTries) {
        this(baseUrl, credentials, tokenStore, callsPerSecond, timeSource, retryPause, maxTries,
                KisHttp.credentialClient(), KisHttp.DEFAULT_TIMEOUT);
    }

    /**
     * @param http     a client configured by the caller, e.g. with a proxy; it must not follow redirects
     * @param deadline how long one whole call may take, body included
     */
    public KisApiClient(URI baseUrl, KisCredentials credentials, KisTokenStore tokenStore, double callsPerSecond,
                        TimeSource timeSource, Duration retryPause, int maxTries, HttpClient http, Duration deadline) {
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries must be >= 1, was " + maxTries);
        }
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
        this.time = Objects.requireNonNull(timeSource, "timeSource");
        this.pacer = new TokenBucket(callsPerSecond, 1, timeSource);
        this.retryPause = Objects.requireNonNull(retryPause, "retryPause");
        this.maxTries = maxTries;
        this.http = KisHttp.rest(Objects.requireNonNull(http, "http"), deadline);
    }

    /** A client for the account type's server and call limit, with the default pause and tries. */
    public static KisApiClient forAccount(KisCredentials credentials, KisTokenStore tokenStore) {
        KisAccountType account = credentials.accountType();
        return new KisApiClient(account.baseUrl(), credentials, tokenStore, account.callsPerSecond(),
                TimeSource.system(), DEFAULT_RETRY_PAUSE, DEFAULT_MAX_TRIES);
    }

    /** KIS's industry codes and names for one exchange (업종별코드조회, all pages). */
    public List<KisIndustryCode> industryCodes(String exchange) {
        String code = KisExchanges.require(exchange).code();
        String what = "industry codes for " + code;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("EXCD", code);
        params.put("AUTH", "");
        List<KisIndustryCode> codes = new ArrayList<>();
        String trCont = "";
        for (int pageNumber = 1; ; pageNumber++) {
            Page page = get(what, INDUSTRY_CODES_PATH, INDUSTRY_CODES_TR_ID, params, trCont);
            for (JsonNode item : page.body().path("output2")) {
                codes.add(new KisIndustryCode(item.path("icod").asText("").trim(),
                        item.path("name").asText("").trim()));
            }
            if (!page.hasMore()) {
                return codes;
            }
            if (pageNumber == MAX_PAGES) {
                throw failure(what, "still more pages after " + MAX_PAGES);
            }
            trCont = NEXT_PAGE;
        }
    }

    /**
     * The Korean sector name ({@code e_icod}, e.g. 반도체 및 반도체장비) KIS shows for one listing, empty when blank.
     */
    public Optional<String> priceDetailSector(String exchange, String symbol) {
        String code = KisExchanges.require(exchange).code();
        if (symbol == null || symbol.isBlank()) {
            throw new UsageException("a symbol is needed for the KIS price detail");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AUTH", "");
        params.put("EXCD", code);
        params.put("SYMB", symbol.trim());
        Page page = get("price detail for " + code + " " + symbol.trim(), PRICE_DETAIL_PATH, PRICE_DETAIL_TR_ID,
                params, "");
        return Optional.of(page.body().path("output").path("e_icod").asText("").trim()).filter(s -> !s.isEmpty());
    }

    private Page get(String what, String path, String trId, Map<String, String> params, String trCont) {
        URI url = URI.create(baseUrl + path + "?" + query(params));
        boolean renewed = false;
        int tries = 1;
        while (true) {
            KisAccessToken token = tokenStore.token(credentials);
            HttpResponse<String> response = send(what, request(url, trId, trCont, token));
            JsonNode body = parse(response.body());
            String messageCode = body.path("msg_cd").asText("");
            if (messageCode.equals(RATE_LIMITED)) {
                if (tries == maxTries) {
                    throw failure(what, RATE_LIMITED + " too many calls per second, still after " + maxTries
                            + " tries");
                }
                tries++;
                pause(what);
            } else if (messageCode.equals(TOKEN_EXPIRED) && !renewed) {
                tokenStore.invalidate(token);
                renewed = true;
            } else {
                return checked(what, response, body, token);
            }
        }
    }

    private Page checked(String what, HttpResponse<String> response, JsonNode body, KisAccessToken token) {
        String resultCode = body.path("rt_cd").asText("");
        if (response.statusCode() == 200 && resultCode.equals("0")) {
            return new Page(body, response.headers().firstValue("tr_cont").orElse("").trim());
        }
        String kisMessage = (body.path("msg_cd").asText("") + " " + body.path("msg1").asText("")).trim();
        String status = response.statusCode() == 200 ? "" : "HTTP " + response.statusCode();
        String reason = (status + " " + kisMessage).trim();
        throw failure(what, Messages.flatten(reason.isEmpty() ? "rt_cd " + resultCode : reason,
                Secrets.of(credentials, token.value())));
    }

    private HttpRequest request(URI url, String trId, String trCont, KisAccessToken token) {
        return HttpRequest.newBuilder(url)
                .timeout(http.limits().deadline())
                .header("Content-Type", "application/json")
                .header("authorization", "Bearer " + token.value())
                .header("appkey", credentials.appKey())
                .header("appsecret", credentials.appSecret())
                .header("tr_id", trId)
                .header("custtype", "P")
                .header("tr_cont", trCont)
                .GET()
                .build();
    }

    private HttpResponse<String> send(String what, HttpRequest request) {
        try {
            pacer.acquire();
            return http.send(request, Utf8Body.handler("KIS", what));
        } catch (IOException e) {
            throw failure(what, OneLine.describe(e) + " (" + request.uri().getHost() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, "interrupted");
        }
    }

    private void pause(String what) {
        try {
            time.sleepNanos(retryPause.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, "interrupted");
        }
    }

    private JsonNode parse(String body) {
        return KisHttp.parseLenient(json, body);
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static SpockException failure(String what, String reason) {
        return new SpockException(ExitCodes.ERROR, "KIS " + what + " failed: " + reason);
    }
}
