package io.spock.metadata.yahoo;

import io.spock.metadata.http.RateBudget;
import io.spock.metadata.http.RequestPermits;
import io.spock.metadata.http.TimeSource;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The resilient front of the Yahoo client, meant to be one shared instance: every caller goes through the same cache,
 * circuit breaker, in-flight bound and rate limiter.
 *
 * <p>Per lookup: a cached final answer is returned without HTTP (unless the caller bypasses the cache, as
 * {@code enrich --force-refresh} does). Otherwise the lookup runs under a Failsafe retry policy (transient and
 * rate-limited outcomes only) wrapped around a circuit breaker, so every attempt counts towards the breaker. Each
 * attempt takes an in-flight slot; each request for data in it (a search, a quoteSummary) takes a rate-limiter token
 * through the client's {@link YahooClient.Gate}. While the circuit is open the lookup returns
 * {@link ProfileResult.Kind#DEFERRED} at once, without HTTP and without waiting.
 */
public final class YahooProfileService {

    private static final Logger log = LoggerFactory.getLogger(YahooProfileService.class);

    /**
     * Requests are paced a little below the configured limit: a request delayed on its way (connection set-up,
     * a pause) would otherwise arrive bunched with the next one and push a one-second window over the limit.
     */
    static final double PACING = 0.97;

    private final YahooClient client;
    private final YahooRequestListener listener;
    private final RequestPermits rateLimiter;
    private final Semaphore inFlight;
    private final Cache<String, ProfileResult> answers;
    private final CircuitBreaker<YahooLookup> breaker;
    private final FailsafeExecutor<YahooLookup> resilience;
    private final FailsafeExecutor<ScreenerReply> screening;
    private final AtomicReference<String> lastFailure = new AtomicReference<>("no failure recorded");

    /** How a lookup treats the cache of final answers. */
    public enum CacheUse {
        /** A cached answer younger than the TTL is the answer: no request. */
        READ,
        /** Ask Yahoo whatever the cache holds, and cache the new final answer ({@code --force-refresh}). */
        REFRESH
    }

    /** Production wiring: a new session and HTTP client from the settings, system clock, this process's own rate. */
    public static YahooProfileService create(YahooSettings settings, YahooRequestListener listener) {
        return create(new YahooSession(settings, listener), settings, listener, RateBudget.LOCAL);
    }

    /** Production wiring with a new session and the rate limit of {@code budget}. */
    public static YahooProfileService create(YahooSettings settings, YahooRequestListener listener,
                                             RateBudget budget) {
        return create(new YahooSession(settings, listener), settings, listener, budget);
    }

    /**
     * Production wiring on a session shared with other Yahoo clients, with the rate limit of {@code budget}: one
     * shared by every process on the store ({@link io.spock.metadata.http.SharedBudget}), or this process's own.
     */
    public static YahooProfileService create(YahooSession session, YahooSettings settings,
                                             YahooRequestListener listener, RateBudget budget) {
        return new YahooProfileService(new YahooFinanceClient(session, settings, listener), settings, listener,
                TimeSource.system(), Ticker.systemTicker(), budget);
    }

    public YahooProfileService(YahooClient client, YahooSettings settings, YahooRequestListener listener) {
        this(client, settings, listener, TimeSource.system(), Ticker.systemTicker());
    }

    /**
     * @param timeSource drives the rate limiter
     * @param ticker     drives cache expiry
     */
    public YahooProfileService(YahooClient client, YahooSettings settings, YahooRequestListener listener,
                               TimeSource timeSource, Ticker ticker) {
        this(client, settings, listener, timeSource, ticker, RateBudget.LOCAL);
    }

    /** @param budget where each request takes its permit, paced at {@value #PACING} of the configured rate */
    public YahooProfileService(YahooClient client, YahooSettings settings, YahooRequestListener listener,
                               TimeSource timeSource, Ticker ticker, RateBudget budget) {
        this.client = Objects.requireNonNull(client, "client");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.rateLimiter = budget.permits(settings.requestsPerSecond() * PACING, settings.burst(), timeSource);
        this.inFlight = new Semaphore(settings.maxInFlight(), true);
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(settings.cache().ttl())
                .maximumSize(settings.cache().maxEntries())
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
        this.breaker = circuitBreaker(settings.breaker());
        this.resilience = Failsafe.with(retryPolicy(settings.retry()), breaker);
        this.screening = Failsafe.with(screenerRetryPolicy(settings.retry()));
    }

    /** {@link #lookup(String, CacheUse)} reading the cache. */
    public ProfileResult lookup(String symbol) {
        return lookup(symbol, CacheUse.READ);
    }

    /**
     * Looks a Yahoo symbol up (e.g. AAPL, 0700.HK). Blocks for rate limiting and retry pauses; never throws for
     * Yahoo trouble.
     */
    public ProfileResult lookup(String symbol, CacheUse cache) {
        String key = Objects.requireNonNull(symbol, "symbol").strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        ProfileResult cached = cache == CacheUse.READ ? answers.getIfPresent(key) : null;
        if (cached != null) {
            return cached.cached();
        }
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        YahooClient.Gate gate = () -> {
            rateLimiter.acquire();
            // Callers that passed the breaker while it was closed may have waited here while it opened.
            if (breaker.isOpen()) {
                throw new CircuitBreakerOpenException(breaker);
            }
            requests.incrementAndGet();
        };
        try {
            YahooLookup outcome = resilience.get(() -> attempt(key, gate, attempts));
            ProfileResult result = ProfileResult.of(outcome, attempts.get(), requests.get());
            if (outcome.isFinal()) {
                answers.put(key, result);
            }
            return result;
        } catch (CircuitBreakerOpenException open) {
            return ProfileResult.deferred("Yahoo Finance circuit open: " + lastFailure.get(), attempts.get(),
                    requests.get());
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return ProfileResult.failed("Interrupted while waiting to call Yahoo Finance", attempts.get(),
                        requests.get());
            }
            throw e;
        }
    }

    /**
     * One page of Yahoo's screener, through the same in-flight bound, session, rate limiter and circuit breaker as
     * the per-ticker lookups (a failed attempt counts towards the breaker), and retried like them: a rate limit (after
     * its {@code Retry-After}), a 5xx or a lost connection is tried again with backoff, up to the configured attempts,
     * so that one bad moment does not cost a region's whole list. Blocks for the rate limit and the pauses; never
     * throws for Yahoo's trouble.
     */
    public ScreenerReply screen(java.net.URI base, String body) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            ScreenerReply reply = screening.get(() -> screenOnce(base, body, attempts));
            return reply instanceof ScreenerReply.Failure f ? new ScreenerReply.Failure(f.outcome(), attempts.get())
                    : new ScreenerReply.Page(((ScreenerReply.Page) reply).json(), attempts.get());
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new ScreenerReply.Failure(new YahooLookup.Transient("Interrupted while waiting to call "
                        + "Yahoo Finance"), attempts.get());
            }
            throw e;
        }
    }

    private ScreenerReply screenOnce(java.net.URI base, String body, AtomicInteger attempts)
            throws InterruptedException {
        if (!breaker.tryAcquirePermit()) {
            return new ScreenerReply.Failure(new YahooLookup.Rejected(0, "Yahoo Finance circuit open: "
                    + lastFailure.get()), 0);
        }
        inFlight.acquire();
        try {
            rateLimiter.acquire();
            attempts.incrementAndGet();
            ScreenerReply reply = client.screen(base, body);
            if (reply instanceof ScreenerReply.Failure failure) {
                lastFailure.set(failure.reason());
                breaker.recordFailure();
            } else {
                breaker.recordSuccess();
            }
            return reply;
        } finally {
            inFlight.release();
        }
    }

    /** Circuit state for health output: {@code closed}, {@code open} or {@code half_open}. */
    public String circuitState() {
        return breaker.getState().name().toLowerCase(Locale.ROOT);
    }

    /** Exposed to tests in this package, which drive breaker state directly. */
    CircuitBreaker<YahooLookup> circuitBreaker() {
        return breaker;
    }

    private YahooLookup attempt(String symbol, YahooClient.Gate gate, AtomicInteger attempts)
            throws InterruptedException {
        inFlight.acquire();
        try {
            attempts.incrementAndGet();
            YahooLookup outcome = client.lookup(symbol, gate);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during a Yahoo Finance lookup");
            }
            if (outcome.isFailure()) {
                lastFailure.set(outcome.describe());
            }
            return outcome;
        } finally {
            inFlight.release();
        }
    }

    /** Needs {@link #breaker} built first: retrying into an open circuit would only sleep for nothing. */
    private RetryPolicy<YahooLookup> retryPolicy(YahooSettings.Retry retry) {
        RetryDelays delays = new RetryDelays(retry, () -> ThreadLocalRandom.current().nextDouble());
        return RetryPolicy.<YahooLookup>builder()
                .handleResultIf(YahooLookup::isRetryable)
                .abortOn(CircuitBreakerOpenException.class, InterruptedException.class)
                .abortIf(outcome -> breaker.isOpen())
                .abortIf(outcome -> waitsTooLong(outcome, retry.maxRetryAfter()))
                .withMaxAttempts(retry.maxAttempts())
                .withDelayFn(context -> delays.before(context.getAttemptCount(), context.getLastResult()))
                .onRetryScheduled(event -> {
                    String reason = event.getLastResult() == null
                            ? String.valueOf(event.getLastException())
                            : event.getLastResult().describe();
                    log.debug("Retrying Yahoo Finance lookup in {} ms after: {}", event.getDelay().toMillis(), reason);
                    listener.onRetryScheduled(event.getDelay(), reason);
                })
                .build();
    }

    /** The lookups' retry rules for screener pages (the breaker is checked by hand: it counts lookups' outcomes). */
    private RetryPolicy<ScreenerReply> screenerRetryPolicy(YahooSettings.Retry retry) {
        RetryDelays delays = new RetryDelays(retry, () -> ThreadLocalRandom.current().nextDouble());
        return RetryPolicy.<ScreenerReply>builder()
                .handleResultIf(reply -> reply instanceof ScreenerReply.Failure f && f.outcome().isRetryable())
                .abortOn(InterruptedException.class)
                .abortIf(reply -> breaker.isOpen())
                .abortIf(reply -> reply instanceof ScreenerReply.Failure f
                        && waitsTooLong(f.outcome(), retry.maxRetryAfter()))
                .withMaxAttempts(retry.maxAttempts())
                .withDelayFn(context -> delays.before(context.getAttemptCount(),
                        context.getLastResult() instanceof ScreenerReply.Failure f ? f.outcome() : null))
                .onRetryScheduled(event -> {
                    String reason = event.getLastResult() instanceof ScreenerReply.Failure f ? f.reason()
                            : String.valueOf(event.getLastException());
                    log.debug("Retrying a Yahoo screener page in {} ms after: {}", event.getDelay().toMillis(), reason);
                    listener.onRetryScheduled(event.getDelay(), reason);
                })
                .build();
    }

    /** A Retry-After beyond the configured maximum is not slept through; the lookup is deferred instead. */
    private static boolean waitsTooLong(YahooLookup outcome, Duration maxRetryAfter) {
        return outcome instanceof YahooLookup.RateLimited limited
                && limited.retryAfter().filter(delay -> delay.compareTo(maxRetryAfter) > 0).isPresent();
    }

    private CircuitBreaker<YahooLookup> circuitBreaker(YahooSettings.Breaker settings) {
        return CircuitBreaker.<YahooLookup>builder()
                .handleIf((outcome, error) -> error == null
                        ? outcome.isFailure()
                        : !(error instanceof InterruptedException))
                .withFailureThreshold(settings.failureThreshold())
                .withSuccessThreshold(1)
                .withDelay(settings.delay())
                .onOpen(event -> {
                    log.warn("Yahoo Finance circuit open for {} s after {} consecutive failures; last: {}",
                            settings.delay().toSeconds(), settings.failureThreshold(), lastFailure.get());
                    listener.onBreakerStateChange("open");
                })
                .onHalfOpen(event -> listener.onBreakerStateChange("half_open"))
                .onClose(event -> {
                    log.info("Yahoo Finance circuit closed");
                    listener.onBreakerStateChange("closed");
                })
                .build();
    }
}
