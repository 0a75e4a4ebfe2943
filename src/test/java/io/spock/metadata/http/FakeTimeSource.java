package io.spock.metadata.kis;

import io.spock.metadata.yahoo.TimeSource;

import java.util.ArrayList;
import java.util.List;

/** Fake monotonic time: sleeping returns at once, moves the time forward and is recorded. */
final class FakeTimeSource implements TimeSource {

    final List<Long> sleeps = new ArrayList<>();
    private long now = 1_000_000_000L;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepNanos(long nanos) {
        sleeps.add(nanos);
        now += nanos;
    }

    synchronized long elapsedNanos() {
        return now - 1_000_000_000L;
    }
}
