package io.spock.metadata.store;

import java.util.Arrays;
import java.util.List;

/** Where an enrichment run, or one region of it, stands ({@code enrichment_runs.status}, {@code run_regions.status}). */
public enum RunState {
    /** Started and not finished. */
    RUNNING,
    COMPLETED,
    /** Could not finish, even after its region retries. */
    FAILED,
    /** Stopped by Ctrl-C, SIGTERM or an interrupted thread, after its last committed batch. */
    INTERRUPTED,
    /**
     * Its process died, hung or lost the store: its heartbeat grew older than the lease timeout, or its process on
     * this host is gone. Set by the run that took over its lease, or by the next {@code enrich} or {@code status}.
     */
    ABANDONED,
    /** A region only: another run held the region's lease, so this run left it to that one. Never recorded. */
    SKIPPED;

    /** The states a whole run can end in or be in (every state but {@link #SKIPPED}), in this order. */
    public static List<RunState> ofRuns() {
        return Arrays.stream(values()).filter(s -> s != SKIPPED).toList();
    }
}
