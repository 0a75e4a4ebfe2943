package io.spock.metadata.yahoo;

import io.spock.metadata.http.BoundedExchange;
import io.spock.metadata.http.ExchangeLimits;
import io.spock.metadata.http.TimeSource;
import io.spock.metadata.http.Utf8Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one Yahoo Finance session of a run, shared by every lookup and by any other Yahoo client that needs the cookie
 * and the crumb: the HTTP client with its cookie jar, the User-Agent that got through, the crumb.
 *
 * <p><b>Opening</b> (when a crumb is first needed): for each User-Agent candidate in order
 * ({@code spock.yahoo.user-agents}), GET the cookie page, agree to the EU consent form if the request ends on one
 * ({@link ConsentForm}), then GET {@code /v1/test/getcrumb}. A 429 or a crumb body {@code Too Many Requests} moves on
 * to the next candidate; the first that gets a crumb is kept for the run and logged. After the last one the session
 * is rate limited: lookups that need it are deferred.
 *
 * <p><b>Reopening</b>: when Yahoo refuses a crumb ({@link #renew}), a new session is opened, starting with the kept
 * User-Agent — at most once a minute. Within the minute after a failed opening or a reopening, a lookup that needs a
 * new session gets {@link YahooLookup.NoSession} without a request, and the others keep the crumb they have: one
 * symbol whose every answer is 401 does not cost the rest their session.
 * Cookies and crumbs are never logged.
 */
public final class YahooSession {

    /** The shortest time between two openings after the first. */
    public static final Duration REOPEN_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(YahooSession.class);
    private static final String HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final YahooSettings settings;
    private final YahooRequestListener listener;
    private final TimeSource time;
    private final Clock clock;
    private final PlainCookies cookies = new PlainCookies();
    private final BoundedExchange http;
    private final List<String> userAgents;

    private final Object lock = new Object();
    private int agent;
    private boolean agentAnnounced;
    private String crumb;
    private boolean attempted;
    private Long blockedSince;
    private YahooLookup lastFailure;

    public YahooSession(YahooSettings settings, YahooRequestListener listener) {
        this(settings, listener, TimeSource.system(), Clock.systemUTC());
    }

    /**
     * @param time  drives the once-a-minute rule
     * @param clock turns an HTTP-date {@code Retry-After} into a delay
     */
    public YahooSession(YahooSettings settings, YahooRequestListener listener, TimeSource time, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.time = Objects.requireNonNull(time, "time");
        this.clock = Objects.requireNonNull(clock, "clock");
        String digits = String.format(Locale.ROOT, "%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        this.userAgents = settings.userAgents().stream().map(ua -> ua.replace(YahooSettings.DIGITS, digits)).toList();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(cookies);
        HttpsProxy.selector(settings.proxy()).ifPresent(builder::proxy);
        this.http = BoundedExchange.of(builder.build(),
                new ExchangeLimits(settings.requestTimeout(), YahooSettings.MAX_BODY_BYTES));
    }

    /** Raised when there is no crumb to be had now; {@link #outcome()} says why, as a lookup would. */
    public static final class Unavailable extends Exception {
        private final transient YahooLookup outcome;

        Unavailable(YahooLookup outcome) {
            super(outcome.describe(), null, false, false);
            this.outcome = outcome;
        }

        public YahooLookup outcome() {
            return outcome;
        }
    }

    /**
     * The crumb, opening the session (cookie, consent, crumb) when there is none and the once-a-minute rule allows.
     *
     * @throws Unavailable          with {@link YahooLookup.RateLimited} when every User-Agent candidate was refused,
     *                              {@link YahooLookup.Blocked} when a consent page could not be agreed to,
     *                              {@link YahooLookup.Unreachable} or {@link YahooLookup.Transient} for network
     *                              trouble, {@link YahooLookup.NoSession} when no opening is allowed yet
     * @throws InterruptedException when the thread is interrupted while opening
     */
    public String crumb() throws Unavailable, InterruptedException {
        synchronized (lock) {
            if (crumb != null) {
                return crumb;
            }
            long now = time.nanoTime();
            if (blockedSince != null && now - blockedSince < REOPEN_INTERVAL.toNanos()) {
                String last = lastFailure == null ? "a crumb was refused" : lastFailure.describe();
                throw new Unavailable(new YahooLookup.NoSession("Yahoo Finance session not open (" + last
                        + "); it is reopened at most once a minute"));
            }
            boolean reopening = attempted;
            attempted = true;
            try {
                crumb = open();
                lastFailure = null;
                blockedSince = reopening ? now : null;
                return crumb;
            } catch (Unavailable e) {
                lastFailure = e.outcome();
                blockedSince = now;
                throw e;
            }
        }
    }

    /**
     * A fresh crumb after Yahoo refused {@code rejected} (401): the one another lookup already got, or a new
     * session's when a reopening is allowed now.
     *
     * @throws Unavailable          {@link YahooLookup.NoSession} when the session was (re)opened less than a minute
     *                              ago (the current crumb is kept for the other lookups), else as {@link #crumb()}
     * @throws InterruptedException when the thread is interrupted while reopening
     */
    public String renew(String rejected) throws Unavailable, InterruptedException {
        synchronized (lock) {
            if (crumb != null && !crumb.equals(rejected)) {
                return crumb;
            }
            if (blockedSince != null && time.nanoTime() - blockedSince < REOPEN_INTERVAL.toNanos()) {
                throw new Unavailable(new YahooLookup.NoSession("Yahoo Finance refused the crumb of a session opened"
                        + " less than a minute ago; it is reopened at most once a minute"));
            }
            crumb = null;
            return crumb();
        }
    }

    /** The User-Agent in use: the kept candidate, or the first before any session was opened. */
    public String userAgent() {
        synchronized (lock) {
            return userAgents.get(agent);
        }
    }

    /** A GET with the session's User-Agent and the request timeout; the cookies are added when it is sent. */
    public HttpRequest.Builder request(URI uri, String accept) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", userAgent())
                .header("Accept", accept)
                .header("Accept-Language", "en-US,en;q=0.9")
                .GET();
    }

    /**
     * Sends a request with the session's cookies, following redirects, within the exchange deadline
     * ({@code spock.yahoo.request-timeout}) and the body cap ({@link YahooSettings#MAX_BODY_BYTES}); the body is read
     * as UTF-8 text.
     *
     * @param subject what is asked (the symbol, the crumb, the screener), named if the body is not UTF-8
     * @throws IOException for a transport failure, a passed deadline or an oversized body
     */
    public HttpResponse<String> send(HttpRequest request, String subject) throws IOException, InterruptedException {
        return http.send(request, Utf8Body.handler("Yahoo Finance", subject));
    }

    /**
     * Agrees to the consent form a response ended on, as the public clients do, keeping its hidden fields; the
     * redirects after it (copyConsent, back to the page) set the consent cookies.
     *
     * @return empty when agreed; the reason as {@link YahooLookup.Blocked} when the page has no form, the form posts
     *         to another host, or the submission fails
     */
    public Optional<YahooLookup> agree(HttpResponse<String> page) throws InterruptedException {
        Optional<ConsentForm> form = ConsentForm.find(page.body(), page.uri());
        if (form.isEmpty()) {
            return Optional.of(blocked("the page has no agree form"));
        }
        if (!form.get().postsTo(page.uri())) {
            return Optional.of(blocked("its form posts to another host (" + form.get().action().getHost() + ")"));
        }
        HttpRequest submit = request(form.get().action(), HTML_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", page.uri().toString())
                .POST(HttpRequest.BodyPublishers.ofString(form.get().agreeBody()))
                .build();
        try {
            HttpResponse<String> after = send(submit, "the consent form");
            if (after.statusCode() >= 400 || ConsentForm.isConsentPage(after)) {
                listener.onRequest(YahooEndpoint.CONSENT, "blocked");
                return Optional.of(blocked(after.statusCode() >= 400 ? "agreeing answered HTTP " + after.statusCode()
                        : "the consent page came back after agreeing"));
            }
        } catch (IOException e) {
            listener.onRequest(YahooEndpoint.CONSENT, "transient");
            return Optional.of(blocked("agreeing failed: " + ExchangeFailures.describe(e)));
        }
        listener.onRequest(YahooEndpoint.CONSENT, "ok");
        log.info("Yahoo Finance consent page (EU) agreed to");
        return Optional.empty();
    }

    private static YahooLookup blocked(String why) {
        return new YahooLookup.Blocked("Yahoo Finance returned a consent page (EU/GDPR interstitial) and " + why
                + "; not retried");
    }

    /** Tries the User-Agent candidates, the kept one first, then the others in order. Runs under the lock. */
    private String open() throws Unavailable, InterruptedException {
        Unavailable refused = null;
        for (int i = 0; i < userAgents.size(); i++) {
            int candidate = (agent + i) % userAgents.size();
            cookies.clear();
            try {
                String value = openWith(userAgents.get(candidate));
                if (candidate != agent || !agentAnnounced) {
                    log.info("Yahoo Finance session open with User-Agent {} of {}: {}", candidate + 1,
                            userAgents.size(), userAgents.get(candidate));
                }
                agent = candidate;
                agentAnnounced = true;
                return value;
            } catch (Unavailable e) {
                if (!(e.outcome() instanceof YahooLookup.RateLimited)) {
                    throw e;
                }
                log.info("Yahoo Finance refused User-Agent {} of {} ({}): {}", candidate + 1, userAgents.size(),
                        e.outcome().describe(), userAgents.get(candidate));
                refused = e;
            }
        }
        log.warn("Yahoo Finance refused every User-Agent candidate; lookups that need a crumb are deferred");
        throw refused;
    }

    private String openWith(String userAgent) throws Unavailable, InterruptedException {
        fetchCookie(userAgent);
        HttpResponse<String> response = fetch(YahooEndpoint.CRUMB, crumbUri(), userAgent);
        if (ConsentForm.isConsentPage(response)) {
            agreeOrThrow(response);
            response = fetch(YahooEndpoint.CRUMB, crumbUri(), userAgent);
        }
        return CrumbResponse.read(response, clock, outcome -> listener.onRequest(YahooEndpoint.CRUMB, outcome));
    }

    /** Only the cookies matter; the status, a failure, even an unreachable host are tolerated (as yfinance does). */
    private void fetchCookie(String userAgent) throws Unavailable, InterruptedException {
        HttpResponse<String> page;
        try {
            page = send(withAgent(request(settings.cookieUrl(), HTML_ACCEPT), userAgent), "the cookie");
        } catch (IOException e) {
            listener.onRequest(YahooEndpoint.COOKIE, "transient");
            log.debug("Yahoo Finance cookie request failed, continuing without cookie: {}",
                    ExchangeFailures.describe(e));
            return;
        }
        listener.onRequest(YahooEndpoint.COOKIE, "ok");
        if (ConsentForm.isConsentPage(page)) {
            agreeOrThrow(page);
        }
    }

    private void agreeOrThrow(HttpResponse<String> page) throws Unavailable, InterruptedException {
        Optional<YahooLookup> failed = agree(page);
        if (failed.isPresent()) {
            throw new Unavailable(failed.get());
        }
    }

    private HttpResponse<String> fetch(YahooEndpoint endpoint, URI uri, String userAgent)
            throws Unavailable, InterruptedException {
        try {
            return send(withAgent(request(uri, "*/*"), userAgent), "the crumb");
        } catch (IOException e) {
            listener.onRequest(endpoint, "transient");
            throw new Unavailable(ExchangeFailures.of(e));
        }
    }

    private static HttpRequest withAgent(HttpRequest.Builder request, String userAgent) {
        return request.setHeader("User-Agent", userAgent).build();
    }

    private URI crumbUri() {
        String base = settings.queryBaseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/test/getcrumb");
    }
}
