package io.spock.metadata.store;

import io.spock.metadata.market.Region;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.REGION_LEASES;

/**
 * One lease per region ({@code region_leases}): the run that enriches a region holds it, so that a second run
 * leaves the region alone. Whether the holder is alive is its run's heartbeat ({@code enrichment_runs.heartbeat_at},
 * with its host and pid): a lease whose run is stale ({@link StaleRuns}) is taken over, and that run marked
 * ABANDONED, in the same transaction. Runs over named tickers take no lease.
 */
public final class RegionLeases {

    private final DSLContext dsl;
    private final Clock clock;
    private final StaleRuns staleRuns;

    public RegionLeases(DSLContext dsl, Clock clock, StaleRuns staleRuns) {
        this.dsl = dsl;
        this.clock = clock;
        this.staleRuns = staleRuns;
    }

    /**
     * What asking for a lease came to.
     *
     * @param taken  whether the run holds the lease now
     * @param holder when taken, the stale run it was taken over from (null when the lease was free or already this
     *               run's); when not taken, the live run that holds it
     */
    public record Attempt(boolean taken, LeaseHolder holder) {
    }

    /**
     * Takes the region's lease for the run when it is free, already the run's, or held by a stale run (which is then
     * marked ABANDONED); one transaction, atomic for every process sharing the store.
     */
    public Attempt acquire(Region region, int runId) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            while (true) {
                if (insert(db, region, runId)) {
                    return new Attempt(true, null);
                }
                Record lease = RowLocks.fetchLocked(db, db.select(REGION_LEASES.RUN_ID, REGION_LEASES.STARTED_AT)
                        .from(REGION_LEASES).where(REGION_LEASES.REGION.eq(region.name())));
                if (lease == null) {
                    continue; // released since the insert: try again
                }
                if (lease.get(REGION_LEASES.RUN_ID) == runId) {
                    return new Attempt(true, null);
                }
                RunningRun running = running(db, lease.get(REGION_LEASES.RUN_ID));
                if (running == null) { // its run ended without giving it back
                    db.deleteFrom(REGION_LEASES).where(REGION_LEASES.REGION.eq(region.name())).execute();
                    continue;
                }
                LeaseHolder holder = new LeaseHolder(region.name(), lease.get(REGION_LEASES.STARTED_AT), running);
                if (!staleRuns.stale(holder.run()) || !staleRuns.abandon(db, holder.run())) {
                    return new Attempt(false, holder);
                }
                if (insert(db, region, runId)) {
                    return new Attempt(true, holder);
                }
            }
        });
    }

    /** Gives the region's lease back, if the run still holds it. */
    public void release(Region region, int runId) {
        dsl.deleteFrom(REGION_LEASES)
                .where(REGION_LEASES.REGION.eq(region.name()), REGION_LEASES.RUN_ID.eq(runId)).execute();
    }

    /**
     * Records that the run is alive, now.
     *
     * @return the regions whose leases the run still holds; empty when the run is no longer RUNNING (another process
     * marked it ABANDONED)
     */
    public Optional<Set<Region>> heartbeat(int runId) {
        int alive = dsl.update(ENRICHMENT_RUNS).set(ENRICHMENT_RUNS.HEARTBEAT_AT, LocalDateTime.now(clock))
                .where(ENRICHMENT_RUNS.ID.eq(runId), ENRICHMENT_RUNS.STATUS.eq(RunState.RUNNING.name())).execute();
        if (alive == 0) {
            return Optional.empty();
        }
        Set<Region> held = new HashSet<>();
        dsl.select(REGION_LEASES.REGION).from(REGION_LEASES).where(REGION_LEASES.RUN_ID.eq(runId))
                .forEach(r -> Region.parse(r.value1()).ifPresent(held::add));
        return Optional.of(held);
    }

    /** Every lease held by a RUNNING run, with the run, by region: what {@code status} shows. */
    public List<LeaseHolder> holders() {
        var r = ENRICHMENT_RUNS;
        return dsl.select(REGION_LEASES.REGION, REGION_LEASES.STARTED_AT, r.ID, r.HOST, r.PID, r.STARTED_AT,
                        r.HEARTBEAT_AT)
                .from(REGION_LEASES).join(r).on(r.ID.eq(REGION_LEASES.RUN_ID))
                .where(r.STATUS.eq(RunState.RUNNING.name()))
                .orderBy(REGION_LEASES.REGION)
                .fetch(row -> new LeaseHolder(row.get(REGION_LEASES.REGION), row.get(REGION_LEASES.STARTED_AT),
                        StaleRuns.runningRun(row)));
    }

    private boolean insert(DSLContext db, Region region, int runId) {
        return db.insertInto(REGION_LEASES).set(REGION_LEASES.REGION, region.name())
                .set(REGION_LEASES.RUN_ID, runId).set(REGION_LEASES.STARTED_AT, LocalDateTime.now(clock))
                .onConflictDoNothing().execute() == 1;
    }

    /** The run, or null when it is not RUNNING. */
    private static RunningRun running(DSLContext db, int runId) {
        var r = ENRICHMENT_RUNS;
        return db.select(r.ID, r.HOST, r.PID, r.STARTED_AT, r.HEARTBEAT_AT).from(r)
                .where(r.ID.eq(runId), r.STATUS.eq(RunState.RUNNING.name())).fetchOne(StaleRuns::runningRun);
    }
}
