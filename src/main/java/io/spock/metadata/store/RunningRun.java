package io.spock.metadata.store;

import java.time.LocalDateTime;

/**
 * A run recorded as RUNNING, as any process sees it in the store.
 *
 * @param owner       the process that runs it; null for a run recorded before migration V8
 * @param startedAt   when the run started (UTC, as stored)
 * @param heartbeatAt when the run last recorded that it is alive; null before its first heartbeat was recorded
 */
public record RunningRun(int runId, RunOwner owner, LocalDateTime startedAt, LocalDateTime heartbeatAt) {

    /** The last time the run was known to be alive. */
    public LocalDateTime lastSeen() {
        return heartbeatAt != null ? heartbeatAt : startedAt;
    }

    /** {@code Run 41 on host-a (pid 311) marked ABANDONED: no sign of life since 2026-11-30 01:02:00} (UTC). */
    public String abandonedLine() {
        return "R" + describe().substring(1) + " marked ABANDONED: no sign of life since "
                + LeaseHolder.DATE_TIME.format(lastSeen());
    }

    /** {@code run 42 on host-a (pid 311)}, or {@code run 42} when its owner was not recorded. */
    public String describe() {
        return "run " + runId + (owner == null ? "" : " on " + owner.host() + " (pid " + owner.pid() + ")");
    }
}
