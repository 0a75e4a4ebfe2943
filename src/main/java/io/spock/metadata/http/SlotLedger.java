package io.spock.metadata.http;

/**
 * One service's request timeline, shared by every process that uses it (kept in the store). Each process reserves
 * stretches of it; stretches never overlap, so that requests sent inside their own stretches, at most one per slot,
 * never exceed the service's rate together.
 */
@FunctionalInterface
public interface SlotLedger {

    /**
     * Reserves the next free stretch of the timeline, atomically for every process sharing it.
     *
     * @param lengthMicros how long the stretch is, in microseconds
     * @param nowMicros    the caller's time, in microseconds since the epoch: the stretch starts no earlier
     * @return when the stretch starts, in microseconds since the epoch (now, or when the last stretch reserved ends)
     */
    long reserve(long lengthMicros, long nowMicros);
}
