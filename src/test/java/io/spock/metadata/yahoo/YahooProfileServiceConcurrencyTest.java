package io.spock.metadata.yahoo;

import io.spock.metadata.http.FakeTimeSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The service is shared by many threads: they must all draw from one limiter and respect the in-flight bound. */
class YahooProfileServiceConcurrencyTest {

    private static final int THREADS = 6;
    private static final int LOOKUPS_PER_THREAD = 5;
    private static final double RATE = 2.0;

    private final FakeTimeSource time = new FakeTimeSource();
    private final ConcurrentLinkedQueue<Long> requestTimes = new ConcurrentLinkedQueue<>();

    private static YahooLookup found() {
        return new YahooLookup.Found(new YahooProfile(Optional.of("Technology"), Optional.of("Software - Application"),
                Optional.of("EQUITY"), Optional.empty(), Optional.empty(), YahooEndpoint.SEARCH));
    }

    @Test
    void concurrentLookupsShareOneRateLimiter() throws Exception {
        YahooClient client = (symbol, gate) -> {
            pass(gate);
            requestTimes.add(time.elapsedNanos());
            return found();
        };
        YahooSettings settings = YahooSettings.builder().rate(RATE, 1).maxInFlight(THREADS).build();
        YahooProfileService service = new YahooProfileService(client, settings, YahooRequestListener.NO_OP, time,
                new FakeTicker());

        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < LOOKUPS_PER_THREAD; i++) {
                assertThat(service.lookup("T" + thread + "-" + i).kind()).isEqualTo(ProfileResult.Kind.FOUND);
            }
        });

        List<Long> sorted = requestTimes.stream().sorted().toList();
        assertThat(sorted).hasSize(THREADS * LOOKUPS_PER_THREAD);
        long interval = Math.round(1e9 / RATE);
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(sorted.get(i))
                    .as("request %d may not start before %d intervals of fake time", i, i)
                    .isGreaterThanOrEqualTo(i * interval);
        }
        assertThat(time.elapsedNanos()).isGreaterThanOrEqualTo((sorted.size() - 1) * interval);
    }

    @Test
    void atMostMaxInFlightLookupsRunAtOnce() throws Exception {
        int maxInFlight = 2;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch bothRunning = new CountDownLatch(maxInFlight);
        YahooClient client = (symbol, gate) -> {
            pass(gate);
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            bothRunning.countDown();
            awaitQuietly(bothRunning);
            running.decrementAndGet();
            return found();
        };
        YahooSettings settings = YahooSettings.builder().rate(1_000.0, 100).maxInFlight(maxInFlight)
                .build();
        YahooProfileService service = new YahooProfileService(client, settings, YahooRequestListener.NO_OP, time,
                new FakeTicker());

        runConcurrently(THREADS, thread -> service.lookup("S" + thread));

        assertThat(peak.get()).isEqualTo(maxInFlight);
    }

    @Test
    void interruptionEndsTheLookupAndKeepsTheInterruptFlag() {
        AtomicInteger calls = new AtomicInteger();
        YahooClient client = (symbol, gate) -> {
            pass(gate);
            calls.incrementAndGet();
            Thread.currentThread().interrupt();
            return new YahooLookup.Transient("Yahoo Finance answered HTTP 503");
        };
        YahooProfileService service = new YahooProfileService(client, YahooSettings.defaults(),
                YahooRequestListener.NO_OP, time, new FakeTicker());

        ProfileResult result = service.lookup("AAPL");

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.kind()).isEqualTo(ProfileResult.Kind.FAILED);
        assertThat(result.reason()).startsWith("Interrupted");
        assertThat(calls.get()).isEqualTo(1);
    }

    /** A stand-in client passes the gate before its one request, as the HTTP client does. */
    private static void pass(YahooClient.Gate gate) {
        try {
            gate.pass();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface ThreadBody {
        void run(int thread);
    }

    private static void runConcurrently(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Void> task = () -> {
                    start.await();
                    body.run(thread);
                    return null;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
