package io.spock.metadata.store;

import io.spock.metadata.market.Region;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.REGION_LEASES;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;

/**
 * Runs left RUNNING by a process that died, hung or lost the store: found by their heartbeat, older than the lease
 * timeout, or by their process, gone from this host; and marked ABANDONED, with their region leases freed. The run
 * that takes over a lease does this ({@link RegionLeases}), and so do the next {@code enrich} and {@code status}.
 */
public final class StaleRuns {

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration timeout;

    /** @param timeout a heartbeat older than this means the run is dead ({@code spock.instances.lease-timeout}) */
    public StaleRuns(DSLContext dsl, Clock clock, Duration timeout) {
        this.dsl = dsl;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Marks every stale RUNNING run ABANDONED, each in its own transaction.
     *
     * @return the runs marked, oldest first; empty when none was stale (then nothing was written)
     */
    public List<RunningRun> abandonStale() {
        List<RunningRun> abandoned = new ArrayList<>();
        for (RunningRun run : running()) {
            if (stale(run) && dsl.transactionResult(tx -> abandon(tx.dsl(), run))) {
                abandoned.add(run);
            }
        }
        return abandoned;
    }

    /** The runs recorded as RUNNING, oldest first. */
    public List<RunningRun> running() {
        var r = ENRICHMENT_RUNS;
        return dsl.select(r.ID, r.HOST, r.PID, r.STARTED_AT, r.HEARTBEAT_AT).from(r)
                .where(r.STATUS.eq(RunState.RUNNING.name())).orderBy(r.ID).fetch(StaleRuns::runningRun);
    }

    /** Whether the run is dead: its process is gone from this host, or its heartbeat is older than the timeout. */
    public boolean stale(RunningRun run) {
        return dead(run) || run.lastSeen().isBefore(cutoff());
    }

    /**
     * Marks the run ABANDONED inside the caller's transaction, if it is still RUNNING and still stale once the row is
     * locked (its heartbeat may have come meanwhile): ends it at its last sign of life, gives each region it held
     * (or, for a run over named tickers, each of its regions) an ABANDONED row in {@code run_regions}, and frees its
     * leases.
     *
     * @return false when the run was no longer RUNNING or no longer stale: nothing was changed
     */
    boolean abandon(DSLContext tx, RunningRun run) {
        var r = ENRICHMENT_RUNS;
        Condition stillStale = dead(run) ? DSL.trueCondition()
                : DSL.coalesce(r.HEARTBEAT_AT, r.STARTED_AT).lt(cutoff());
        int changed = tx.update(r).set(r.STATUS, RunState.ABANDONED.name()).set(r.FINISHED_AT, run.lastSeen())
                .where(r.ID.eq(run.runId()), r.STATUS.eq(RunState.RUNNING.name()), stillStale).execute();
        if (changed == 0) {
            return false;
        }
        List<String> regions = tx.select(REGION_LEASES.REGION).from(REGION_LEASES)
                .where(REGION_LEASES.RUN_ID.eq(run.runId())).fetch(REGION_LEASES.REGION);
        Record recorded = tx.select(r.MODE, r.REGIONS).from(r).where(r.ID.eq(run.runId())).fetchOne();
        if (regions.isEmpty() && recorded != null && "TICKERS".equals(recorded.get(r.MODE))) {
            regions = Arrays.stream(recorded.get(r.REGIONS).split(",")).filter(name -> Region.parse(name).isPresent()).toList();
        }
        for (String region : regions) {
            tx.insertInto(RUN_REGIONS).set(RUN_REGIONS.RUN_ID, run.runId()).set(RUN_REGIONS.REGION, region)
                    .set(RUN_REGIONS.STATUS, RunState.ABANDONED.name()).set(RUN_REGIONS.FINISHED_AT, run.lastSeen())
                    .onConflictDoNothing().execute();
        }
        tx.deleteFrom(REGION_LEASES).where(REGION_LEASES.RUN_ID.eq(run.runId())).execute();
        return true;
    }

    static RunningRun runningRun(Record row) {
        var r = ENRICHMENT_RUNS;
        String host = row.get(r.HOST);
        Long pid = row.get(r.PID);
        return new RunningRun(row.get(r.ID), host == null || pid == null ? null : new RunOwner(host, pid),
                row.get(r.STARTED_AT), row.get(r.HEARTBEAT_AT));
    }

    private static boolean dead(RunningRun run) {
        return run.owner() != null && run.owner().knownDead();
    }

    private LocalDateTime cutoff() {
        return LocalDateTime.now(clock).minus(timeout);
    }
}
