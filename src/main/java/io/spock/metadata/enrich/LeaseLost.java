package io.spock.metadata.enrich;

/**
 * A region's lease was taken over by another run while this one was enriching it (this run's heartbeat was older
 * than the lease timeout: the process hung, or lost the store). The region stops at once and ends FAILED; nothing
 * more is written for it by this run.
 */
final class LeaseLost extends RuntimeException {

    LeaseLost(String message) {
        super(message, null, false, false);
    }
}
