package io.spock.metadata.enrich;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.Delimiter;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Yahoo Finance settings under {@code spock.yahoo.*} ({@code SPOCK_YAHOO_URL}, {@code SPOCK_YAHOO_COOKIE_URL},
 * {@code SPOCK_YAHOO_RATE}, …).
 *
 * @param url         the query host (search, crumb and quoteSummary)
 * @param cookieUrl   where the session cookie comes from
 * @param rate        requests per second, shared by everything that calls Yahoo
 * @param maxInFlight requests waiting on Yahoo at once, so that latency does not lower the achieved rate
 * @param userAgents  User-Agent candidates in order, separated by {@value #USER_AGENT_SEPARATOR} (never by commas: a
 *                    browser User-Agent holds one, "(KHTML, like Gecko)"), or indexed
 *                    ({@code spock.yahoo.user-agents[0]=…}); empty means the defaults
 * @param search      ask the crumb-free search endpoint first
 */
@ConfigurationProperties("spock.yahoo")
public record YahooProperties(
        @DefaultValue("https://query2.finance.yahoo.com") URI url,
        @DefaultValue("https://fc.yahoo.com") URI cookieUrl,
        @DefaultValue("1.0") double rate,
        @DefaultValue("1") int burst,
        @Delimiter(YahooProperties.USER_AGENT_SEPARATOR) List<String> userAgents,
        @DefaultValue("true") boolean search,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("20s") Duration requestTimeout,
        @DefaultValue("8") int maxInFlight,
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker,
        @DefaultValue Cache cache) {

    /** Between User-Agent candidates in one value: a character no User-Agent holds. */
    public static final String USER_AGENT_SEPARATOR = "|";

    /** Retries of transient failures: attempts in all, exponential delay from {@code initialDelay} with jitter. */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("5s") Duration initialDelay,
                        @DefaultValue("20s") Duration maxDelay, @DefaultValue("0.2") double jitter,
                        @DefaultValue("60s") Duration maxRetryAfter) {
    }

    /** Opens after {@code failures} consecutive failures; half-opens after {@code delay}. */
    public record Breaker(@DefaultValue("5") int failures, @DefaultValue("60s") Duration delay) {
    }

    public record Cache(@DefaultValue("24h") Duration ttl, @DefaultValue("20000") long maxEntries) {
    }
}
