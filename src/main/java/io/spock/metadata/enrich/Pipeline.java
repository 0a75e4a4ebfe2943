package io.spock.metadata.enrich;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Region;
import io.spock.metadata.source.SourceChain;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * The parts of the enrichment pipeline, built once by {@link PipelineFactory} and shared by every run.
 *
 * @param perTickerPool the threads that wait on per-ticker sources; its size bounds the requests in flight for
 *                      all regions at once
 * @param sleeper       waits between region retries, and while waiting for a region's lease
 * @param sharing       region leases and heartbeats, for several processes on one store
 * @param stored        the per-ticker answers kept in the store that stand in for asking again
 */
record Pipeline(DSLContext dsl, GicsTaxonomy gics, CandidateQuery candidates, OutcomeWriter writer, RunLog runs,
                SourceChain chain, Resolver resolver, EvidenceQuery evidence, ExecutorService perTickerPool,
                Clock clock, Sleeper sleeper, Sharing sharing, StoredAnswers stored) {

    /**
     * A fresh view of a region for one attempt: this attempt's decisions, else the store's.
     *
     * @param mode the run's mode: {@link EnrichMode#FORCE_REFRESH} asks the sources to bypass their caches
     */
    RegionClassifications view(Region region, EnrichMode mode) {
        return new RegionClassifications(dsl, gics, region, mode == EnrichMode.FORCE_REFRESH);
    }
}
