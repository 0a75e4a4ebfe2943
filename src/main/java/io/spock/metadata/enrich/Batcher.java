package io.spock.metadata.enrich;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers one region's outcomes and writes them {@value #SIZE} at a time, each batch in one transaction; only
 * written batches count in the tally and the progress. Used by the region's own thread only.
 */
final class Batcher {

    static final int SIZE = 100;

    private final OutcomeWriter writer;
    private final EnrichRequest request;
    private final Integer runId;
    private final ProgressListener progress;
    private final String region;
    private final RegionTally tally;
    private final List<Outcome> changes;
    private final Clock clock;
    private final Runnable leaseCheck;
    private final List<Outcome> buffer = new ArrayList<>(SIZE);

    /**
     * @param changes    where the outcomes of a TICKERS run are also collected, for the before → after table
     * @param leaseCheck throws {@link LeaseLost} once another run has taken the region over: then nothing more of
     *                   the region is written
     */
    Batcher(OutcomeWriter writer, EnrichRequest request, Integer runId, ProgressListener progress, String region,
            RegionTally tally, List<Outcome> changes, Clock clock, Runnable leaseCheck) {
        this.writer = writer;
        this.request = request;
        this.runId = runId;
        this.progress = progress;
        this.region = region;
        this.tally = tally;
        this.changes = changes;
        this.clock = clock;
        this.leaseCheck = leaseCheck;
    }

    void accept(Outcome outcome) {
        leaseCheck.run();
        progress.answered(region);
        buffer.add(outcome);
        if (buffer.size() >= SIZE) {
            flush();
        }
    }

    /**
     * Writes what is buffered.
     *
     * @throws Stopped when the thread was interrupted: the buffer is not written
     */
    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped();
        }
        leaseCheck.run();
        if (!request.dryRun()) {
            writer.write(buffer, runId, LocalDateTime.now(clock), request.includeManual());
        }
        buffer.forEach(tally::add);
        if (request.mode() == EnrichMode.TICKERS) {
            synchronized (changes) {
                changes.addAll(buffer);
            }
        }
        progress.advanced(region, buffer.size());
        progress.batchCommitted(region, RegionTally.classifiedBySource(buffer));
        buffer.clear();
    }

    /** Thrown out of a region when its thread is interrupted between batches. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("interrupted", null, false, false);
        }
    }
}
