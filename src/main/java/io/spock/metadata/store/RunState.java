package io.spock.metadata.store;

/** Where an enrichment run, or one region of it, stands ({@code enrichment_runs.status}, {@code run_regions.status}). */
public enum RunState {
    /** Started and not finished (or its process died: see the run's host and pid). */
    RUNNING,
    COMPLETED,
    /** Could not finish, even after its region retries. */
    FAILED,
    /** Stopped by Ctrl-C, SIGTERM or an interrupted thread, after its last committed batch. */
    INTERRUPTED
}
