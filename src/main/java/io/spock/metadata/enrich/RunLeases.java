package io.spock.metadata.enrich;

import io.spock.metadata.market.Region;
import io.spock.metadata.store.RegionLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's region leases and its heartbeat. The heartbeat runs from the run's start to its end, on the
 * {@link Scheduler}: each beat records that the run is alive and checks that it still holds its leases; a lease
 * another run took over (this run looked dead) stops its region at the next ticker ({@link #check}).
 */
final class RunLeases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLeases.class);

    private final RegionLeases store;
    private final int runId;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration waitPoll;
    private final Set<Region> held = ConcurrentHashMap.newKeySet();
    private final Map<Region, String> lost = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Scheduler.Scheduled beating;
    private volatile boolean abandoned;
    private boolean beatFailing;

    private RunLeases(Sharing sharing, int runId, Clock clock, Sleeper sleeper) {
        this.store = sharing.leases();
        this.runId = runId;
        this.clock = clock;
        this.sleeper = sleeper;
        this.waitPoll = sharing.waitPoll();
        this.beating = sharing.scheduler().every(sharing.heartbeat(), this::beat);
    }

    /** Starts the run's heartbeat (its first one was recorded with the run). */
    static RunLeases start(Sharing sharing, int runId, Clock clock, Sleeper sleeper) {
        return new RunLeases(sharing, runId, clock, sleeper);
    }

    /**
     * Takes the region's lease, waiting for it up to {@code wait} while another live run holds it.
     *
     * @param wait null to give up at once, {@link EnrichRequest#WAIT_FOREVER} to wait as long as it takes
     * @return empty when this run holds the lease now; else the line saying which run holds it
     * @throws InterruptedException when the run is stopped while waiting
     */
    Optional<String> take(Region region, Duration wait) throws InterruptedException {
        Instant deadline = wait == null ? clock.instant()
                : wait.equals(EnrichRequest.WAIT_FOREVER) ? Instant.MAX : clock.instant().plus(wait);
        boolean told = false;
        while (true) {
            String holder;
            synchronized (lock) {
                var attempt = store.acquire(region, runId);
                if (attempt.taken()) {
                    held.add(region);
                    if (attempt.holder() != null) {
                        log.warn("Run {} took over {} from {}: no sign of life since {} (UTC); that run is marked "
                                        + "ABANDONED", runId, region, attempt.holder().run().describe(),
                                attempt.holder().run().lastSeen().withNano(0));
                    }
                    return Optional.empty();
                }
                holder = attempt.holder().describe(LocalDate.now(clock));
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return Optional.of(holder);
            }
            if (!told) {
                log.info("{}; waiting for it", holder);
                told = true;
            }
            sleeper.sleep(left.compareTo(waitPoll) < 0 ? left : waitPoll);
        }
    }

    /** Gives the region's lease back; a failure is logged (the lease then ends with this run's heartbeat). */
    void release(Region region) {
        synchronized (lock) {
            held.remove(region);
            try {
                store.release(region, runId);
            } catch (RuntimeException e) {
                log.warn("Cannot give back the lease of {} held by run {}: {}", region, runId,
                        RegionEnrichment.oneLine(e));
            }
        }
    }

    /** @throws LeaseLost when another run took the region over from this one */
    void check(Region region) {
        String reason = lost.get(region);
        if (reason != null) {
            throw new LeaseLost(reason);
        }
    }

    /** Whether another process marked this run ABANDONED (it looked dead): the run then ends so. */
    boolean abandoned() {
        return abandoned;
    }

    /** One heartbeat: records that the run is alive and notes the leases it no longer holds. */
    void beat() {
        synchronized (lock) {
            try {
                Optional<Set<Region>> still = store.heartbeat(runId);
                if (still.isEmpty() && !abandoned) {
                    abandoned = true;
                    log.error("Run {} was marked ABANDONED by another process: its heartbeat had stopped for longer "
                            + "than the lease timeout; its regions stop", runId);
                }
                for (Region region : held) {
                    if (still.isEmpty() || !still.get().contains(region)) {
                        lost.putIfAbsent(region, "the lease of " + region + " was taken over by another run: this run "
                                + "gave no sign of life for longer than the lease timeout");
                    }
                }
                beatFailing = false;
            } catch (RuntimeException e) {
                if (!beatFailing) {
                    log.warn("Cannot record the heartbeat of run {}: {}", runId, RegionEnrichment.oneLine(e));
                }
                beatFailing = true;
            }
        }
    }

    /** Stops the heartbeat. */
    @Override
    public void close() {
        beating.close();
    }
}
