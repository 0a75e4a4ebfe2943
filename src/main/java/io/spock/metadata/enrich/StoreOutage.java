package io.spock.metadata.enrich;

import io.spock.metadata.store.StoreFailures;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One run's knowledge that the store has stopped accepting writes ({@link StoreFailures#unavailable}). The first
 * region that meets it records it; every region then stops asking sources and ends {@code FAILED} without retries,
 * so a lost database server costs at most one batch of requests per region in flight, not a whole run of them.
 */
final class StoreOutage {

    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Thrown where a region would go on asking sources after the store went away. */
    static final class Down extends RuntimeException {
        Down(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Records the failure if it says the store is unavailable; returns whether it did. */
    boolean record(RuntimeException failure, String oneLine) {
        if (!StoreFailures.unavailable(failure)) {
            return false;
        }
        reason.compareAndSet(null, oneLine);
        return true;
    }

    /** @throws Down once the store is known to be unavailable */
    void check() {
        String known = reason.get();
        if (known != null) {
            throw new Down(stopped(known));
        }
    }

    /** The line of a region that stopped because the store is unavailable for {@code reason}. */
    static String stopped(String reason) {
        return "stopped: the store is not accepting writes (" + reason + ")";
    }
}
