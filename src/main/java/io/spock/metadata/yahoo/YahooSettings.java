package io.spock.metadata.yahoo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Yahoo Finance client and its resilience layer can be tuned with.
 *
 * <p>{@link #defaults()} gives production values; the {@code with…} methods return modified copies so tests
 * can point the client at a loopback server and shrink every delay to milliseconds.
 *
 * @param queryBaseUrl      base of the JSON API; the crumb comes from {@code {queryBaseUrl}/v1/test/getcrumb}
 * @param cookieUrl         page that only serves to set the Yahoo session cookie (status and body ignored)
 * @param requestsPerSecond sustained request rate shared by all callers of one service
 * @param burst             how many requests may start back to back before the rate applies
 * @param userAgents        User-Agent candidates, tried in order when the session opens; the first whose crumb
 *                          request works is kept for the run; {@value #DIGITS} stands for six random digits
 * @param search            ask the crumb-free search endpoint first, quoteSummary only when it gives no sector
 * @param connectTimeout    TCP/TLS connect timeout
 * @param requestTimeout    whole-response timeout of one HTTP request
 * @param maxInFlight       upper bound on HTTP lookups running at the same time
 * @param httpsProxy        value of {@code HTTPS_PROXY} when set, e.g. {@code http://proxy:3128}
 * @param retry             retry policy for transient and rate-limited outcomes
 * @param breaker           circuit breaker thresholds
 * @param cache             cache of final answers
 */
public record YahooSettings(
        URI queryBaseUrl,
        URI cookieUrl,
        double requestsPerSecond,
        int burst,
        List<String> userAgents,
        boolean search,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxInFlight,
        Optional<String> httpsProxy,
        Retry retry,
        Breaker breaker,
        Cache cache) {

    public static final URI DEFAULT_QUERY_BASE_URL = URI.create("https://query2.finance.yahoo.com");
    public static final URI DEFAULT_COOKIE_URL = URI.create("https://fc.yahoo.com");
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

    public YahooSettings {
        Objects.requireNonNull(queryBaseUrl, "queryBaseUrl");
        Objects.requireNonNull(cookieUrl, "cookieUrl");
        userAgents = List.copyOf(Objects.requireNonNull(userAgents, "userAgents")).stream()
                .map(String::strip).filter(agent -> !agent.isEmpty()).toList();
        if (userAgents.isEmpty()) {
            throw new IllegalArgumentException("userAgents must name at least one User-Agent");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(httpsProxy, "httpsProxy");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(cache, "cache");
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1, was " + burst);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
        }
    }

    /** Production defaults: 1 request/s, burst 1, 8 in flight, 3 attempts 5 s → 20 s, breaker 5 / 60 s, cache 24 h. */
    public static YahooSettings defaults() {
        return new YahooSettings(
                DEFAULT_QUERY_BASE_URL,
                DEFAULT_COOKIE_URL,
                1.0,
                1,
                DEFAULT_USER_AGENTS,
                true,
                Duration.ofSeconds(10),
                Duration.ofSeconds(20),
                8,
                Optional.empty(),
                Retry.defaults(),
                Breaker.defaults(),
                Cache.defaults());
    }

    /**
     * Retry of transient and rate-limited outcomes.
     *
     * @param maxAttempts   total attempts per lookup, the first one included
     * @param initialDelay  delay before the first retry; doubles on each further retry
     * @param maxDelay      cap of the doubling
     * @param jitterFactor  each backoff delay is moved randomly by up to this fraction (0 = none)
     * @param maxRetryAfter a {@code Retry-After} longer than this is not waited for: the lookup is deferred instead
     */
    public record Retry(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitterFactor,
                        Duration maxRetryAfter) {
        public Retry {
            Objects.requireNonNull(initialDelay, "initialDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            if (jitterFactor < 0 || jitterFactor >= 1) {
                throw new IllegalArgumentException("jitterFactor must be in [0, 1), was " + jitterFactor);
            }
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("maxDelay must not be shorter than initialDelay");
            }
        }

        public static Retry defaults() {
            return new Retry(3, Duration.ofSeconds(5), Duration.ofSeconds(20), 0.2, Duration.ofSeconds(60));
        }
    }

    /**
     * @param failureThreshold consecutive failed HTTP lookups that open the circuit
     * @param delay            how long the circuit stays open before one trial lookup is let through
     */
    public record Breaker(int failureThreshold, Duration delay) {
        public Breaker {
            Objects.requireNonNull(delay, "delay");
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
            }
        }

        public static Breaker defaults() {
            return new Breaker(5, Duration.ofSeconds(60));
        }
    }

    /** Cache of final answers (found, no sector, not found) per symbol. */
    public record Cache(Duration ttl, long maxEntries) {
        public Cache {
            Objects.requireNonNull(ttl, "ttl");
            if (maxEntries < 0) {
                throw new IllegalArgumentException("maxEntries must be >= 0, was " + maxEntries);
            }
        }

        public static Cache defaults() {
            return new Cache(Duration.ofHours(24), 20_000);
        }
    }

    public YahooSettings withQueryBaseUrl(URI value) {
        return new YahooSettings(value, cookieUrl, requestsPerSecond, burst, userAgents, search, connectTimeout,
                requestTimeout, maxInFlight, httpsProxy, retry, breaker, cache);
    }

    public YahooSettings withCookieUrl(URI value) {
        return new YahooSettings(queryBaseUrl, value, requestsPerSecond, burst, userAgents, search, connectTimeout,
                requestTimeout, maxInFlight, httpsProxy, retry, breaker, cache);
    }

    public YahooSettings withRate(double perSecond, int burstSize) {
        return new YahooSettings(queryBaseUrl, cookieUrl, perSecond, burstSize, userAgents, search, connectTimeout,
                requestTimeout, maxInFlight, httpsProxy, retry, breaker, cache);
    }

    public YahooSettings withUserAgents(List<String> value) {
        return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, value, search, connectTimeout,
                requestTimeout, maxInFlight, httpsProxy, retry, breaker, cache);
    }

    public YahooSettings withSearch(boolean value) {
        return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, userAgents, value, connectTimeout,
                requestTimeout, maxInFlight, httpsProxy, retry, breaker, cache);
    }

    public YahooSettings withTimeouts(Duration connect, Duration request) {
        return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, userAgents, search, connect,
                request, maxInFlight, httpsProxy, retry, breaker, cache);
    }

    public YahooSettings withMaxInFlight(int value) {
        return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, userAgents, search, connectTimeout,
                requestTimeout, value, httpsProxy, retry, breaker, cache);
    }

    /** @param environmentValue the value of {@code HTTPS_PROXY} as read by the caller; blank or null means none */
    public YahooSettings withHttpsProxy(String environmentValue) {
        Optional<String> value = Optional.ofNullable(environmentValue).map(String::strip).filter(s -> !s.isEmpty());
        return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, userAgents, search, connectTimeout,
                requestTimeout, maxInFlight, value, retry, breaker, cache);
    }

    public YahooSettings withRetry(Retry value) {
        return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, userAgents, search, connectTimeout,
                requestTimeout, maxInFlight, httpsProxy, value, breaker, cache);
    }

    public YahooSettings withBreaker(Breaker value) {
        return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, userAgents, search, connectTimeout,
                requestTimeout, maxInFlight, httpsProxy, retry, value, cache);
    }

    public YahooSettings withCache(Cache value) {
        return new YahooSettings(queryBaseUrl, cookieUrl, requestsPerSecond, burst, userAgents, search, connectTimeout,
                requestTimeout, maxInFlight, httpsProxy, retry, breaker, value);
    }
}
