package io.spock.metadata.enrich;

import io.spock.metadata.store.RegionLeases;
import io.spock.metadata.store.StaleRuns;

import java.time.Duration;

/**
 * What keeps runs of several processes on one store out of each other's way: region leases, the finding of dead
 * runs, and the heartbeat that tells a live run from a dead one.
 *
 * @param heartbeat how often a run records that it is alive
 * @param waitPoll  how often a run that waits for a lease ({@code enrich --wait}) asks again
 */
record Sharing(StaleRuns staleRuns, RegionLeases leases, Scheduler scheduler, Duration heartbeat,
               Duration waitPoll) {
}
