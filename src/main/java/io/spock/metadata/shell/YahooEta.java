package io.spock.metadata.shell;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time left of a region's Yahoo phase, from the configured rate rather than the pace so far (which a slow start
 * or a batch of KIS answers distorts): the lookups left to ask over the region's share of the rate limit, which
 * every region asking Yahoo at the same time shares.
 */
final class YahooEta {

    private record Phase(long from, int lookups) {
    }

    private final double rate;
    private final Map<String, Phase> asking = new ConcurrentHashMap<>();

    /** @param rate the configured Yahoo requests per second */
    YahooEta(double rate) {
        this.rate = rate;
    }

    /** The region starts asking Yahoo about {@code lookups} tickers when its bar stands at {@code at}. */
    void started(String region, long at, int lookups) {
        asking.put(region, new Phase(at, lookups));
    }

    /** The region stopped asking (finished, failed or waits to retry). */
    void stopped(String region) {
        asking.remove(region);
    }

    /** The time left for a region whose bar stands at {@code current}; empty outside its Yahoo phase. */
    Optional<Duration> remaining(String region, long current) {
        Phase phase = asking.get(region);
        if (phase == null || rate <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, phase.from() + phase.lookups() - current);
        int sharing = Math.max(1, asking.size());
        return Optional.of(Duration.ofMillis(Math.round(1000.0 * left * sharing / rate)));
    }
}
