package io.spock.metadata.http;

import java.util.concurrent.TimeUnit;

/** Monotonic clock plus sleep, injectable so the rate limiter can be tested on fake time. */
public interface TimeSource {

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }

    enum SystemTimeSource implements TimeSource {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }
}
