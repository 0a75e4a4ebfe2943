package io.spock.metadata.yahoo;

import io.spock.metadata.app.InvalidSettingException;
import io.spock.metadata.app.Settings;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.convert.Delimiter;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Yahoo Finance client and its resilience layer can be tuned with: one immutable, checked object,
 * bound once from the {@code spock.yahoo.*} settings ({@code SPOCK_YAHOO_URL}, {@code SPOCK_YAHOO_RATE}, …; the
 * defaults are the {@code @DefaultValue}s below and nowhere else). A value out of range is an
 * {@link InvalidSettingException} naming the setting. Tests change values with {@link #builder()}.
 *
 * @param queryBaseUrl      {@code spock.yahoo.url}: base of the JSON API; the crumb comes from
 *                          {@code {url}/v1/test/getcrumb}
 * @param cookieUrl         page that only serves to set the Yahoo session cookie (status and body ignored)
 * @param requestsPerSecond {@code spock.yahoo.rate}: sustained request rate shared by all callers of one service
 * @param burst             how many requests may start back to back before the rate applies
 * @param userAgents        {@code spock.yahoo.user-agents}: User-Agent candidates, tried in order when the session
 *                          opens; the first whose crumb request works is kept for the run; {@value #DIGITS} stands
 *                          for six random digits. Separated by {@value #USER_AGENT_SEPARATOR} (never by commas: a
 *                          browser User-Agent holds one, "(KHTML, like Gecko)") or indexed
 *                          ({@code spock.yahoo.user-agents[0]=…}); none means {@link #DEFAULT_USER_AGENTS}
 * @param search            ask the crumb-free search endpoint first, quoteSummary only when it gives no sector
 * @param connectTimeout    TCP/TLS connect timeout
 * @param requestTimeout    deadline of one whole HTTP exchange, body included
 * @param maxInFlight       upper bound on HTTP lookups running at the same time
 * @param httpsProxy        the {@code HTTPS_PROXY} value, e.g. {@code http://proxy:3128}, or null for none
 * @param retry             retry policy for transient and rate-limited outcomes
 * @param breaker           circuit breaker thresholds
 * @param cache             cache of final answers
 */
public record YahooSettings(
        @Name("url") @DefaultValue("https://query2.finance.yahoo.com") URI queryBaseUrl,
        @DefaultValue("https://fc.yahoo.com") URI cookieUrl,
        @Name("rate") @DefaultValue("1.0") double requestsPerSecond,
        @DefaultValue("1") int burst,
        @Delimiter(YahooSettings.USER_AGENT_SEPARATOR) List<String> userAgents,
        @DefaultValue("true") boolean search,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("20s") Duration requestTimeout,
        @DefaultValue("8") int maxInFlight,
        String httpsProxy,
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker,
        @DefaultValue Cache cache) {

    public static final String PREFIX = "spock.yahoo";
    /** Between User-Agent candidates in one value: a character no User-Agent holds. */
    public static final String USER_AGENT_SEPARATOR = "|";
    /** In a User-Agent candidate: six random digits, drawn once per session. */
    public static final String DIGITS = "{digits}";
    /**
     * Plain {@code Mozilla/5.0} with random digits first (a Home Assistant integration, May 2025, found a full browser
     * string answered 429 where this got data), then a current Chrome string (a desktop money manager, May 2025,
     * fixed the same 429 by moving to one).
     */
    public static final List<String> DEFAULT_USER_AGENTS = List.of("Mozilla/5.0 (" + DIGITS + ")",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/140.0.0.0 Safari/537.36");
    /** A quoteSummary answer is a few kilobytes; anything near this is not one. */
    public static final long MAX_BODY_BYTES = 1 << 20;

    private static final String NOT_SET = "null";

    public YahooSettings {
        Settings.httpUrl(PREFIX + ".url", queryBaseUrl);
        Settings.httpUrl(PREFIX + ".cookie-url", cookieUrl);
        InvalidSettingException.check(requestsPerSecond > 0 && Double.isFinite(requestsPerSecond), PREFIX + ".rate",
                requestsPerSecond, "a number of requests per second above 0");
        InvalidSettingException.check(burst >= 1, PREFIX + ".burst", burst, "a whole number of 1 or more");
        userAgents = userAgents == null ? List.of()
                : userAgents.stream().map(String::strip).filter(agent -> !agent.isEmpty()).toList();
        if (userAgents.isEmpty()) {
            userAgents = DEFAULT_USER_AGENTS;
        }
        positive(PREFIX + ".connect-timeout", connectTimeout);
        positive(PREFIX + ".request-timeout", requestTimeout);
        InvalidSettingException.check(maxInFlight >= 1, PREFIX + ".max-in-flight", maxInFlight,
                "a whole number of 1 or more");
        httpsProxy = httpsProxy == null || httpsProxy.isBlank() ? null : httpsProxy.strip();
        if (httpsProxy != null) {
            HttpsProxy.address(httpsProxy);
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(cache, "cache");
    }

    /** Production defaults: 1 request/s, burst 1, 8 in flight, 3 attempts 5 s → 20 s, breaker 5 / 60 s, cache 24 h. */
    public static YahooSettings defaults() {
        return Settings.none().bind(PREFIX, YahooSettings.class);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The proxy, if one is set. */
    public Optional<String> proxy() {
        return Optional.ofNullable(httpsProxy);
    }

    private static void positive(String setting, Duration value) {
        InvalidSettingException.check(value != null && !value.isNegative() && !value.isZero(), setting,
                value == null ? NOT_SET : value, "a duration above 0, such as 500ms or 10s");
    }

    /**
     * Retry of transient and rate-limited outcomes ({@code spock.yahoo.retry.*}).
     *
     * @param maxAttempts   total attempts per lookup, the first one included
     * @param initialDelay  delay before the first retry; doubles on each further retry
     * @param maxDelay      cap of the doubling
     * @param jitterFactor  {@code jitter}: each backoff delay is moved randomly by up to this fraction (0 = none)
     * @param maxRetryAfter a {@code Retry-After} longer than this is not waited for: the lookup is deferred instead
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("5s") Duration initialDelay,
                        @DefaultValue("20s") Duration maxDelay, @Name("jitter") @DefaultValue("0.2") double jitterFactor,
                        @DefaultValue("60s") Duration maxRetryAfter) {
        public Retry {
            InvalidSettingException.check(maxAttempts >= 1, PREFIX + ".retry.max-attempts", maxAttempts,
                    "a whole number of 1 or more");
            positive(PREFIX + ".retry.initial-delay", initialDelay);
            positive(PREFIX + ".retry.max-delay", maxDelay);
            positive(PREFIX + ".retry.max-retry-after", maxRetryAfter);
            InvalidSettingException.check(jitterFactor >= 0 && jitterFactor < 1, PREFIX + ".retry.jitter",
                    jitterFactor, "a fraction from 0 up to (not including) 1");
            InvalidSettingException.check(maxDelay.compareTo(initialDelay) >= 0, PREFIX + ".retry.max-delay",
                    maxDelay, "a duration no shorter than spock.yahoo.retry.initial-delay");
        }

        public static Retry defaults() {
            return YahooSettings.defaults().retry();
        }
    }

    /**
     * The circuit breaker ({@code spock.yahoo.breaker.*}).
     *
     * @param failureThreshold {@code failures}: consecutive failed HTTP lookups that open the circuit
     * @param delay            how long the circuit stays open before one trial lookup is let through
     */
    public record Breaker(@Name("failures") @DefaultValue("5") int failureThreshold,
                          @DefaultValue("60s") Duration delay) {
        public Breaker {
            InvalidSettingException.check(failureThreshold >= 1, PREFIX + ".breaker.failures", failureThreshold,
                    "a whole number of 1 or more");
            positive(PREFIX + ".breaker.delay", delay);
        }

        public static Breaker defaults() {
            return YahooSettings.defaults().breaker();
        }
    }

    /** Cache of final answers (found, no sector, not found) per symbol ({@code spock.yahoo.cache.*}). */
    public record Cache(@DefaultValue("24h") Duration ttl, @DefaultValue("20000") long maxEntries) {
        public Cache {
            positive(PREFIX + ".cache.ttl", ttl);
            InvalidSettingException.check(maxEntries >= 0, PREFIX + ".cache.max-entries", maxEntries,
                    "a whole number of 0 or more");
        }

        public static Cache defaults() {
            return YahooSettings.defaults().cache();
        }
    }

    /** Changes some values of a settings object; {@link #build()} checks them all again. */
    public static final class Builder {
        private URI queryBaseUrl;
        private URI cookieUrl;
        private double requestsPerSecond;
        private int burst;
        private List<String> userAgents;
        private boolean search;
        private Duration connectTimeout;
        private Duration requestTimeout;
        private int maxInFlight;
        private String httpsProxy;
        private Retry retry;
        private Breaker breaker;
        private Cache cache;

        private Builder(YahooSettings from) {
            queryBaseUrl = from.queryBaseUrl;
            cookieUrl = from.cookieUrl;
            requestsPerSecond = from.requestsPerSecond;
            burst = from.burst;
            userAgents = from.userAgents;
            search = from.search;
            connectTimeout = from.connectTimeout;
            requestTimeout = from.requestTimeout;
            maxInFlight = from.maxInFlight;
            httpsProxy = from.httpsProxy;
            retry = from.retry;
            breaker = from.breaker;
            cache = from.cache;
        }

        /** The query host and the cookie URL of one server (a WireMock stub): {@code base} and {@code base/cookie}. */
        public Builder server(String base) {
            return queryBaseUrl(URI.create(base)).cookieUrl(URI.create(base + "/cookie"));
        }

        public Builder queryBaseUrl(URI value) {
            queryBaseUrl = value;
            return this;
        }

        public Builder cookieUrl(URI value) {
            cookieUrl = value;
            return this;
        }

        public Builder rate(double perSecond, int burstSize) {
            requestsPerSecond = perSecond;
            burst = burstSize;
            return this;
        }

        /** @param values User-Agent candidates in order; none means the defaults */
        public Builder userAgents(List<String> values) {
            userAgents = values;
            return this;
        }

        public Builder userAgents(String... values) {
            return userAgents(List.of(values));
        }

        /** @param value ask the search endpoint first (true) or quoteSummary only (false) */
        public Builder search(boolean value) {
            search = value;
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            connectTimeout = connect;
            requestTimeout = request;
            return this;
        }

        public Builder maxInFlight(int value) {
            maxInFlight = value;
            return this;
        }

        /** @param value an {@code HTTPS_PROXY} value; blank or null means none */
        public Builder httpsProxy(String value) {
            httpsProxy = value;
            return this;
        }

        public Builder retry(Retry value) {
            retry = value;
            return this;
        }

        /** Retries without jitter, keeping the longest {@code Retry-After} waited for. */
        public Builder retry(int maxAttempts, Duration initialDelay, Duration maxDelay) {
            retry = new Retry(maxAttempts, initialDelay, maxDelay, 0.0, retry.maxRetryAfter());
            return this;
        }

        public Builder breaker(Breaker value) {
            breaker = value;
            return this;
        }

        public Builder cache(Cache value) {
            cache = value;
            return this;
        }

        public YahooSettings build() {
            return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, userAgents, search, connectTimeout,
                    requestTimeout, maxInFlight, httpsProxy, retry, breaker, cache);
        }
    }
}
