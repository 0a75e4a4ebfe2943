package io.spock.metadata.http;

import java.util.ArrayList;
import java.util.List;

/** Fake monotonic time: sleeping returns at once, moves the time forward and is recorded. */
public final class FakeTimeSource implements TimeSource {

    private static final long START = 1_000_000_000L;

    private final List<Long> sleeps = new ArrayList<>();
    private long now = START;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepNanos(long nanos) {
        sleeps.add(nanos);
        now += nanos;
    }

    public synchronized long elapsedNanos() {
        return now - START;
    }

    /** Every sleep asked for, in nanoseconds, in order. */
    public synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
