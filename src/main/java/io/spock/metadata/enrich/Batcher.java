package io.spock.metadata.enrich;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Buffers one region's outcomes and writes them {@value #SIZE} at a time, each batch in one transaction, on a writer
 * thread of its own: the region decides the next batches while one is written. At most two batches are in flight,
 * one being written and one waiting, so that the writer never waits for the region between batches. On the KIS path
 * deciding costs a fraction of what writing does, and the two overlap on two cores.
 *
 * <p>Only written batches count in the tally and the progress; they are counted on the region's thread once their
 * write has ended. A write's failure is thrown on the region's thread, as the same exception, at the next
 * {@link #accept}, {@link #flush}, {@link #finish} or {@link #close}. Used by the region's own thread only.
 */
final class Batcher implements AutoCloseable {

    static final int SIZE = 100;
    private static final int IN_FLIGHT = 2;

    private final Writes writer;
    private final EnrichRequest request;
    private final ProgressListener progress;
    private final String region;
    private final RegionTally tally;
    private final List<Outcome> changes;
    private final Clock clock;
    private final Runnable leaseCheck;
    private final ExecutorService writing;
    private List<Outcome> buffer = new ArrayList<>(SIZE);
    /** Oldest first; at most {@link #IN_FLIGHT}. */
    private final Deque<InFlight> inFlight = new ArrayDeque<>(IN_FLIGHT);

    /** Writes one batch in one transaction, stamped {@code now} ({@link OutcomeWriter#write}). */
    @FunctionalInterface
    interface Writes {
        void write(List<Outcome> batch, LocalDateTime now);
    }

    /** A batch handed to the writer thread, and its write. */
    private record InFlight(List<Outcome> batch, Future<?> write) {
    }

    /**
     * @param changes    where the outcomes of a TICKERS run are also collected, for the before → after table
     * @param leaseCheck throws {@link LeaseLost} once another run has taken the region over: then nothing more of
     *                   the region is written
     */
    Batcher(Writes writer, EnrichRequest request, ProgressListener progress, String region, RegionTally tally,
            List<Outcome> changes, Clock clock, Runnable leaseCheck) {
        this.writer = writer;
        this.request = request;
        this.progress = progress;
        this.region = region;
        this.tally = tally;
        this.changes = changes;
        this.clock = clock;
        this.leaseCheck = leaseCheck;
        String name = Thread.currentThread().getName() + "-writer";
        this.writing = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    void accept(Outcome outcome) {
        leaseCheck.run();
        progress.answered(region);
        while (!inFlight.isEmpty() && inFlight.peekFirst().write().isDone()) {
            // counted as soon as it is written, not a batch later (100 s later at Yahoo's 1 request/s)
            settleOldest();
        }
        buffer.add(outcome);
        if (buffer.size() >= SIZE) {
            flush();
        }
    }

    /**
     * Hands what is buffered to the writer thread, once fewer than {@value #IN_FLIGHT} batches are in flight.
     *
     * @throws Stopped          when the thread was interrupted: the buffer is not written (the batches in flight are)
     * @throws RuntimeException the failure of a batch before, as its write threw it
     */
    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            settle();
            throw new Stopped();
        }
        leaseCheck.run();
        if (inFlight.size() >= IN_FLIGHT) {
            settleOldest();
        }
        List<Outcome> batch = buffer;
        buffer = new ArrayList<>(SIZE);
        if (request.dryRun()) {
            count(batch);
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        inFlight.addLast(new InFlight(batch, writing.submit(() -> writer.write(batch, now))));
    }

    /** Writes what is buffered and waits until it is written; throws as {@link #flush} does. */
    void finish() {
        flush();
        settle();
    }

    /**
     * Waits for every batch in flight (even when interrupted) and counts those written; rethrows the first failure.
     * A batch after a failed one is still written: the writes are independent, and each is counted if it was.
     */
    private void settle() {
        RuntimeException first = null;
        while (!inFlight.isEmpty()) {
            try {
                settleOldest();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Waits for the oldest batch in flight (even when interrupted) and counts it; rethrows its write's failure. */
    private void settleOldest() {
        InFlight oldest = inFlight.removeFirst();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    oldest.write().get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        count(oldest.batch());
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(failure);
    }

    private void count(List<Outcome> batch) {
        batch.forEach(tally::add);
        if (request.mode() == EnrichMode.TICKERS) {
            synchronized (changes) {
                changes.addAll(batch);
            }
        }
        progress.advanced(region, batch.size());
        progress.batchCommitted(region, RegionTally.classifiedBySource(batch));
    }

    /** Waits for the batches in flight, counts those written, and ends the writer thread. */
    @Override
    public void close() {
        try {
            settle();
        } finally {
            writing.shutdown();
        }
    }

    /** Thrown out of a region when its thread is interrupted between batches. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("interrupted", null, false, false);
        }
    }
}
