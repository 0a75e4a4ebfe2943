package io.spock.metadata.yahoo;

import java.util.concurrent.atomic.AtomicLong;

/** Fake clock: sleeping returns at once and moves the clock forward by the requested time. */
final class FakeTimeSource implements TimeSource {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final long start = now.get();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        now.addAndGet(nanos);
    }

    long elapsedNanos() {
        return now.get() - start;
    }
}
