package io.spock.metadata.enrich;

import io.spock.metadata.store.RunOwner;
import io.spock.metadata.store.RunState;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;

import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.RUN_REGION_SOURCES;

/**
 * Records runs and their per-region results in {@code enrichment_runs}, {@code run_regions} and, per source
 * that classified tickers, {@code run_region_sources}. A run is recorded with its owner (host and pid) and its first
 * heartbeat, so that other processes can tell whether it is still alive.
 */
public final class RunLog {

    private final DSLContext dsl;
    private final Clock clock;
    private final RunOwner owner;

    public RunLog(DSLContext dsl, Clock clock) {
        this(dsl, clock, RunOwner.current());
    }

    /** @param owner the process recorded as running the runs this log starts */
    public RunLog(DSLContext dsl, Clock clock, RunOwner owner) {
        this.dsl = dsl;
        this.clock = clock;
        this.owner = owner;
    }

    /** @return the new run's id */
    public int start(String regions, EnrichMode mode) {
        LocalDateTime now = LocalDateTime.now(clock);
        return dsl.insertInto(ENRICHMENT_RUNS)
                .set(ENRICHMENT_RUNS.STARTED_AT, now)
                .set(ENRICHMENT_RUNS.REGIONS, regions)
                .set(ENRICHMENT_RUNS.MODE, mode.name())
                .set(ENRICHMENT_RUNS.STATUS, RunState.RUNNING.name())
                .set(ENRICHMENT_RUNS.HOST, owner.host())
                .set(ENRICHMENT_RUNS.PID, owner.pid())
                .set(ENRICHMENT_RUNS.HEARTBEAT_AT, now)
                .returningResult(ENRICHMENT_RUNS.ID)
                .fetchOne(ENRICHMENT_RUNS.ID);
    }

    /**
     * Records one region's result and its per-source counts, in one transaction; nothing when the region already has
     * its row (another process marked the run ABANDONED meanwhile).
     */
    public void region(int runId, RegionSummary summary) {
        dsl.transaction(tx -> {
            int recorded = tx.dsl().insertInto(RUN_REGIONS)
                    .set(RUN_REGIONS.RUN_ID, runId)
                    .set(RUN_REGIONS.REGION, summary.region())
                    .set(RUN_REGIONS.STATUS, summary.status().name())
                    .set(RUN_REGIONS.TOTAL, summary.total())
                    .set(RUN_REGIONS.ENRICHED, summary.enriched())
                    .set(RUN_REGIONS.NOT_APPLICABLE, summary.notApplicable())
                    .set(RUN_REGIONS.NOT_FOUND, summary.notFound())
                    .set(RUN_REGIONS.FAILED, summary.failed())
                    .set(RUN_REGIONS.DEFERRED, summary.deferred())
                    .set(RUN_REGIONS.RETRIES, summary.allRetries())
                    .set(RUN_REGIONS.DURATION_MS, summary.duration().toMillis())
                    .set(RUN_REGIONS.FINISHED_AT, LocalDateTime.now(clock))
                    .onConflictDoNothing()
                    .execute();
            if (recorded == 0) {
                return;
            }
            summary.bySource().forEach((source, classified) -> {
                if (classified > 0) {
                    tx.dsl().insertInto(RUN_REGION_SOURCES)
                            .set(RUN_REGION_SOURCES.RUN_ID, runId)
                            .set(RUN_REGION_SOURCES.REGION, summary.region())
                            .set(RUN_REGION_SOURCES.SOURCE, source.name())
                            .set(RUN_REGION_SOURCES.CLASSIFIED, classified)
                            .execute();
                }
            });
        });
    }

    /** Records the run's end, unless another process marked it ABANDONED meanwhile (that stands). */
    public void finish(int runId, RunState status) {
        dsl.update(ENRICHMENT_RUNS)
                .set(ENRICHMENT_RUNS.FINISHED_AT, LocalDateTime.now(clock))
                .set(ENRICHMENT_RUNS.STATUS, status.name())
                .where(ENRICHMENT_RUNS.ID.eq(runId), ENRICHMENT_RUNS.STATUS.eq(RunState.RUNNING.name()))
                .execute();
    }
}
