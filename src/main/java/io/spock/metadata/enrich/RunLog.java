package io.spock.metadata.enrich;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;

import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;

/** Records runs and their per-region results in {@code enrichment_runs} and {@code run_regions}. */
public final class RunLog {

    private final DSLContext dsl;
    private final Clock clock;

    public RunLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public int start(String regions, EnrichMode mode) {
        return dsl.insertInto(ENRICHMENT_RUNS)
                .set(ENRICHMENT_RUNS.STARTED_AT, LocalDateTime.now(clock))
                .set(ENRICHMENT_RUNS.REGIONS, regions)
                .set(ENRICHMENT_RUNS.MODE, mode.name())
                .set(ENRICHMENT_RUNS.STATUS, "RUNNING")
                .returningResult(ENRICHMENT_RUNS.ID)
                .fetchOne(ENRICHMENT_RUNS.ID);
    }

    public void region(int runId, RegionSummary summary) {
        dsl.insertInto(RUN_REGIONS)
                .set(RUN_REGIONS.RUN_ID, runId)
                .set(RUN_REGIONS.REGION, summary.region())
                .set(RUN_REGIONS.STATUS, summary.status())
                .set(RUN_REGIONS.TOTAL, summary.total())
                .set(RUN_REGIONS.ENRICHED, summary.enriched())
                .set(RUN_REGIONS.FROM_KIS, summary.fromKis())
                .set(RUN_REGIONS.FROM_YAHOO, summary.fromYahoo())
                .set(RUN_REGIONS.NOT_APPLICABLE, summary.notApplicable())
                .set(RUN_REGIONS.FAILED, summary.failed())
                .set(RUN_REGIONS.DEFERRED, summary.deferred())
                .set(RUN_REGIONS.RETRIES, summary.allRetries())
                .set(RUN_REGIONS.DURATION_MS, summary.duration().toMillis())
                .set(RUN_REGIONS.FINISHED_AT, LocalDateTime.now(clock))
                .execute();
    }

    public void finish(int runId, String status) {
        dsl.update(ENRICHMENT_RUNS)
                .set(ENRICHMENT_RUNS.FINISHED_AT, LocalDateTime.now(clock))
                .set(ENRICHMENT_RUNS.STATUS, status)
                .where(ENRICHMENT_RUNS.ID.eq(runId))
                .execute();
    }
}
