package io.spock.metadata.http;

import java.util.Objects;

/**
 * Thread-safe token bucket. Up to {@code burst} permits are available at once; after that permits are handed out at
 * {@code permitsPerSecond}. Callers reserve their permit under a lock and sleep outside it, so concurrent callers
 * queue up one interval apart instead of all waking at the same moment.
 */
public final class TokenBucket implements RequestPermits {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double nanosPerPermit;
    private final double capacity;
    private final TimeSource time;

    private double available;
    private long lastRefillNanos;

    public TokenBucket(double permitsPerSecond, int burst, TimeSource time) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be > 0, was " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1, was " + burst);
        }
        this.nanosPerPermit = NANOS_PER_SECOND / permitsPerSecond;
        this.capacity = burst;
        this.time = Objects.requireNonNull(time, "time");
        this.available = burst;
        this.lastRefillNanos = time.nanoTime();
    }

    /** Blocks until a permit is available. */
    @Override
    public void acquire() throws InterruptedException {
        long waitNanos = reserve();
        if (waitNanos > 0) {
            time.sleepNanos(waitNanos);
        }
    }

    /** Takes one permit, possibly on credit, and returns how long the caller must wait before using it. */
    private synchronized long reserve() {
        long now = time.nanoTime();
        available = Math.min(capacity, available + (now - lastRefillNanos) / nanosPerPermit);
        lastRefillNanos = now;
        available -= 1;
        return available >= 0 ? 0 : (long) Math.ceil(-available * nanosPerPermit);
    }
}
