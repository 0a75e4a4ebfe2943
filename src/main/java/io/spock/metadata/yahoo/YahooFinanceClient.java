package io.spock.metadata.yahoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.app.Messages;
import io.spock.metadata.http.BoundedExchange;
import io.spock.metadata.http.ExchangeLimits;
import io.spock.metadata.http.Utf8Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Yahoo Finance quoteSummary client doing what yfinance's "basic" strategy does: take a session cookie from the cookie
 * URL, read a crumb from {@code /v1/test/getcrumb}, then ask
 * {@code /v10/finance/quoteSummary/{symbol}?modules=assetProfile,quoteType&formatted=false&crumb=…}.
 *
 * <p>The crumb is cached and shared by all threads. A 401 (Invalid Crumb / Invalid Cookie) drops cookie and crumb,
 * fetches both again and repeats the request once. Every exchange has a deadline, body included
 * ({@code spock.yahoo.request-timeout}), and a body cap ({@link YahooSettings#MAX_BODY_BYTES}): a server that stalls
 * after the headers or trickles the body is a transient failure, not a hang. Every failure becomes a
 * {@link YahooLookup} case; this class never retries anything else — that is {@link YahooProfileService}'s job.
 * Cookies and crumbs are never logged.
 */
public final class YahooFinanceClient implements YahooClient {

    static final String UNREACHABLE = "Yahoo Finance unreachable";
    static final String CONSENT_PAGE =
            "Yahoo Finance returned a consent page instead of data (EU/GDPR interstitial); not retried";

    private static final Logger log = LoggerFactory.getLogger(YahooFinanceClient.class);
    private static final String JSON_ACCEPT = "application/json, text/plain, */*";
    private static final String MODULES = "assetProfile,quoteType";

    private final YahooSettings settings;
    private final YahooRequestListener listener;
    private final Clock clock;
    private final CookieManager cookies = new CookieManager();
    private final BoundedExchange http;
    private final QuoteSummaryParser parser = new QuoteSummaryParser(new ObjectMapper());
    private final String queryBase;

    private final Object sessionLock = new Object();
    private String crumb;

    public YahooFinanceClient(YahooSettings settings, YahooRequestListener listener) {
        this(settings, listener, Clock.systemUTC());
    }

    /** @param clock only used to turn an HTTP-date {@code Retry-After} into a delay */
    YahooFinanceClient(YahooSettings settings, YahooRequestListener listener, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queryBase = stripTrailingSlash(settings.queryBaseUrl().toString());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(cookies);
        HttpsProxy.selector(settings.proxy()).ifPresent(builder::proxy);
        this.http = BoundedExchange.of(builder.build(),
                new ExchangeLimits(settings.requestTimeout(), YahooSettings.MAX_BODY_BYTES));
    }

    @Override
    public YahooLookup lookup(String symbol) {
        String trimmed = Objects.requireNonNull(symbol, "symbol").strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        try {
            return lookupWithSession(trimmed);
        } catch (CrumbUnavailable e) {
            return e.outcome;
        } catch (IOException e) {
            return failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new YahooLookup.Transient("Interrupted while calling Yahoo Finance");
        }
    }

    private YahooLookup lookupWithSession(String symbol)
            throws CrumbUnavailable, IOException, InterruptedException {
        String usedCrumb = crumb();
        HttpResponse<String> response = send(summaryRequest(symbol, usedCrumb), symbol);
        if (response.statusCode() == 401) {
            listener.onRequest("invalid_crumb");
            log.debug("Yahoo Finance rejected the crumb ({}); fetching a new cookie and crumb",
                    parser.unauthorizedDescription(response.body()).orElse("HTTP 401"));
            dropSession(usedCrumb);
            usedCrumb = crumb();
            response = send(summaryRequest(symbol, usedCrumb), symbol);
            if (response.statusCode() == 401) {
                listener.onRequest("invalid_crumb");
                dropSession(usedCrumb);
                return new YahooLookup.Rejected(401, "Yahoo Finance rejected a fresh cookie and crumb: "
                        + Messages.flatten(parser.unauthorizedDescription(response.body()).orElse("HTTP 401")));
            }
        }
        YahooLookup outcome = classifySummary(response);
        listener.onRequest(label(response.statusCode(), outcome));
        return outcome;
    }

    private YahooLookup classifySummary(HttpResponse<String> response) {
        int status = response.statusCode();
        if (isConsentPage(response)) {
            return new YahooLookup.Blocked(CONSENT_PAGE);
        }
        if (status == 200) {
            return parser.parseSuccess(response.body());
        }
        if (status == 404) {
            return parser.parseNotFound(response.body());
        }
        if (status == 429) {
            return rateLimited(response);
        }
        if (status >= 500) {
            return new YahooLookup.Transient("Yahoo Finance answered HTTP " + status);
        }
        return new YahooLookup.Rejected(status, "Yahoo Finance answered HTTP " + status);
    }

    private static String label(int status, YahooLookup outcome) {
        if (outcome instanceof YahooLookup.Found) {
            return "ok";
        } else if (outcome instanceof YahooLookup.NoSector) {
            return "no_sector";
        } else if (outcome instanceof YahooLookup.NotFound) {
            return "not_found";
        } else if (outcome instanceof YahooLookup.RateLimited) {
            return "rate_limited";
        } else if (outcome instanceof YahooLookup.Blocked) {
            return "blocked";
        } else if (outcome instanceof YahooLookup.Rejected) {
            return "rejected";
        }
        return status >= 500 ? "server_error" : "transient";
    }

    @Override
    public ScreenerReply screen(URI base, String body) {
        try {
            String usedCrumb = crumb();
            HttpResponse<String> response = send(screenerRequest(base, body, usedCrumb), "the screener");
            if (response.statusCode() == 401) {
                listener.onRequest("invalid_crumb");
                dropSession(usedCrumb);
                response = send(screenerRequest(base, body, crumb()), "the screener");
            }
            int status = response.statusCode();
            YahooLookup failure = isConsentPage(response) ? new YahooLookup.Blocked(CONSENT_PAGE)
                    : status == 429 ? rateLimited(response)
                    : status >= 500 ? new YahooLookup.Transient("Yahoo screener answered HTTP " + status)
                    : status != 200 ? new YahooLookup.Rejected(status, "Yahoo screener answered HTTP " + status)
                    : null;
            listener.onRequest(failure == null ? "ok" : label(status, failure));
            return failure == null ? new ScreenerReply.Page(response.body(), 1) : new ScreenerReply.Failure(failure, 1);
        } catch (CrumbUnavailable e) {
            return new ScreenerReply.Failure(e.outcome, 1);
        } catch (IOException e) {
            return new ScreenerReply.Failure(failure(e), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScreenerReply.Failure(new YahooLookup.Transient("Interrupted while calling Yahoo Finance"), 1);
        }
    }

    private HttpRequest screenerRequest(URI base, String body, String crumbValue) {
        String root = stripTrailingSlash(base.toString());
        return HttpRequest.newBuilder(URI.create(root + "/v1/finance/screener?crumb=" + encode(crumbValue)))
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", JSON_ACCEPT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Override
    public void openSession() {
        try {
            crumb();
        } catch (CrumbUnavailable | IOException e) {
            log.debug("Yahoo Finance session not ready: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the cached crumb, establishing a new session (cookie, then crumb) when there is none. */
    private String crumb() throws CrumbUnavailable, IOException, InterruptedException {
        synchronized (sessionLock) {
            if (crumb == null) {
                fetchCookie();
                crumb = fetchCrumb();
                log.debug("Yahoo Finance crumb obtained");
            }
            return crumb;
        }
    }

    /** Forgets cookie and crumb, unless another thread already replaced the rejected crumb. */
    private void dropSession(String rejectedCrumb) {
        synchronized (sessionLock) {
            if (rejectedCrumb.equals(crumb)) {
                crumb = null;
                cookies.getCookieStore().removeAll();
            }
        }
    }

    /** Only the Set-Cookie headers matter; status, body and even failure are ignored (yfinance does the same). */
    private void fetchCookie() throws InterruptedException {
        try {
            http.send(request(settings.cookieUrl(), "text/html,*/*"), HttpResponse.BodyHandlers.discarding());
            listener.onRequest("ok");
        } catch (IOException e) {
            listener.onRequest("transient");
            log.debug("Yahoo Finance cookie request failed, continuing without cookie: {}", describe(e));
        }
    }

    private String fetchCrumb() throws CrumbUnavailable, IOException, InterruptedException {
        HttpResponse<String> response = send(request(URI.create(queryBase + "/v1/test/getcrumb"), "*/*"), "the crumb");
        String body = response.body() == null ? "" : response.body().strip();
        int status = response.statusCode();
        if (status == 429 || body.contains("Too Many Requests")) {
            throw crumbUnavailable("rate_limited", rateLimited(response));
        }
        if (isConsentPage(response) || body.toLowerCase(Locale.ROOT).contains("<html")) {
            throw crumbUnavailable("blocked", new YahooLookup.Blocked(CONSENT_PAGE));
        }
        if (status >= 500) {
            throw crumbUnavailable("server_error",
                    new YahooLookup.Transient("Yahoo Finance crumb request answered HTTP " + status));
        }
        if (status != 200 || body.isEmpty() || body.chars().anyMatch(Character::isWhitespace)) {
            throw crumbUnavailable("transient",
                    new YahooLookup.Transient("Yahoo Finance issued no crumb (HTTP " + status + ")"));
        }
        listener.onRequest("ok");
        return body;
    }

    private CrumbUnavailable crumbUnavailable(String label, YahooLookup outcome) {
        listener.onRequest(label);
        return new CrumbUnavailable(outcome);
    }

    private YahooLookup.RateLimited rateLimited(HttpResponse<?> response) {
        return new YahooLookup.RateLimited(RetryAfter.parse(response.headers().firstValue("Retry-After"), clock));
    }

    private static boolean isConsentPage(HttpResponse<?> response) {
        String host = response.uri().getHost();
        if (host != null && host.toLowerCase(Locale.ROOT).endsWith("consent.yahoo.com")) {
            return true;
        }
        boolean html = response.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("text/html"))
                .orElse(false);
        return html && response.statusCode() / 100 == 2;
    }

    /** @param subject what is asked (the symbol, or the crumb), named if the body is not UTF-8 */
    private HttpResponse<String> send(HttpRequest request, String subject) throws IOException, InterruptedException {
        try {
            return http.send(request, Utf8Body.handler("Yahoo Finance", subject));
        } catch (IOException e) {
            listener.onRequest("transient");
            throw e;
        }
    }

    private HttpRequest summaryRequest(String symbol, String crumbValue) {
        URI uri = URI.create(queryBase + "/v10/finance/quoteSummary/" + encode(symbol)
                + "?modules=" + MODULES + "&formatted=false&crumb=" + encode(crumbValue));
        return request(uri, JSON_ACCEPT);
    }

    private HttpRequest request(URI uri, String accept) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", accept)
                .header("Accept-Language", "en-US,en;q=0.9")
                .GET()
                .build();
    }

    /** Percent-encodes for use in a path segment or query value ("+" would mean a literal plus in a path). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A failed exchange as its outcome: no connection at all is {@link YahooLookup.Unreachable}. */
    static YahooLookup failure(IOException e) {
        String reason = describe(e);
        return unreachable(e) ? new YahooLookup.Unreachable(reason) : new YahooLookup.Transient(reason);
    }

    private static boolean unreachable(IOException e) {
        return e instanceof HttpConnectTimeoutException || e instanceof UnknownHostException
                || e.getCause() instanceof UnresolvedAddressException || e instanceof ConnectException;
    }

    static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return UNREACHABLE + ": connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "Yahoo Finance request timed out";
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException) {
            return UNREACHABLE + ": unknown host";
        }
        if (e instanceof ConnectException) {
            return UNREACHABLE + ": connection refused";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Yahoo Finance connection failed: " + Messages.flatten(detail);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Carries the outcome of a failed session set-up out of the crumb code path. */
    private static final class CrumbUnavailable extends Exception {
        private final transient YahooLookup outcome;

        CrumbUnavailable(YahooLookup outcome) {
            super(outcome.describe(), null, false, false);
            this.outcome = outcome;
        }
    }
}
