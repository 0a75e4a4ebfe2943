package io.spock.metadata.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One request rate shared by every process that uses the same store. The service's timeline is a row of slots, one
 * request each, spaced by the rate ({@link SlotLedger}); a process reserves a block of slots at a time (one short
 * transaction per block, not per request) and sends each request at its slot. Within a block the process's own token
 * bucket stays the pace-setter, as without sharing: the block only says when the process may send.
 *
 * <p>Why slots and not just a count per block: the slots of all blocks, whoever reserved them, lie on one evenly
 * spaced row, so any one second holds at most as many requests as the rate allows. A request goes out within
 * {@link #LATE} of its slot: a slot further behind when the request asks for one is skipped, and a thread that
 * wakes up later than that after waiting for its slot takes another, so that late requests never bunch up with
 * the next ones, this process's or another's.
 *
 * <p>All processes sharing a store must run on clocks that agree (NTP): slot times are the processes' own clocks,
 * in microseconds since the epoch. Processes on one host share one clock.
 */
public final class SharedBudget implements RateBudget {

    /**
     * How late a request may use its slot, in microseconds (see the class comment): any one second then holds at most
     * {@code floor(1.01 × pace) + 1} slots' requests, within the rate for a pace of 97 % of it, with 20 ms left for
     * the way to the service.
     */
    static final long LATE = 10_000;
    /** Slots a request tries before it goes out late. */
    private static final int MAX_TRIES = 5;
    private static final long MICROS_PER_SECOND = 1_000_000;

    private final SlotLedger ledger;
    private final Duration block;
    private final LongSupplier epochMicros;

    /**
     * @param ledger where the blocks are reserved
     * @param block  how much of the timeline one reservation takes (at least one slot): longer blocks hit the store
     *               less often, shorter ones leave less unused when a process stops asking
     */
    public SharedBudget(SlotLedger ledger, Duration block) {
        this(ledger, block, () -> ChronoUnit.MICROS.between(Instant.EPOCH, Clock.systemUTC().instant()));
    }

    /** @param epochMicros the wall clock, in microseconds since the epoch (the same on every process sharing it) */
    public SharedBudget(SlotLedger ledger, Duration block, LongSupplier epochMicros) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.block = Objects.requireNonNull(block, "block");
        this.epochMicros = Objects.requireNonNull(epochMicros, "epochMicros");
    }

    @Override
    public RequestPermits permits(double permitsPerSecond, int burst, TimeSource time) {
        return new Slots(new TokenBucket(permitsPerSecond, burst, time), permitsPerSecond, time);
    }

    /** One client's permits: its token bucket, then its slot in the current block. */
    private final class Slots implements RequestPermits {
        private final TokenBucket local;
        private final TimeSource time;
        private final long spacing;
        private final long slotsPerBlock;
        private long blockStart = -1;
        private long next;

        Slots(TokenBucket local, double permitsPerSecond, TimeSource time) {
            this.local = local;
            this.time = time;
            this.spacing = Math.max(1, (long) Math.ceil(MICROS_PER_SECOND / permitsPerSecond));
            this.slotsPerBlock = Math.max(1, block.toNanos() / 1000 / spacing);
        }

        @Override
        public void acquire() throws InterruptedException {
            local.acquire();
            for (int attempt = 1; ; attempt++) {
                long slot;
                long wait;
                synchronized (this) {
                    long now = epochMicros.getAsLong();
                    slot = slot(now);
                    wait = slot - now;
                }
                if (wait > 0) {
                    time.sleepNanos(wait * 1000);
                }
                // A thread that woke too late (a busy machine, a pause) takes a later slot instead of going out
                // bunched with the next request; after a few tries it goes anyway, so that it never starves.
                if (epochMicros.getAsLong() - slot <= LATE || attempt == MAX_TRIES) {
                    return;
                }
            }
        }

        /** The time of the next usable slot of this process: in the current block, else in a newly reserved one. */
        private long slot(long now) {
            if (blockStart >= 0) {
                long index = Math.max(next, Math.floorDiv(now - LATE - blockStart + spacing - 1, spacing));
                if (index < slotsPerBlock) {
                    next = index + 1;
                    return blockStart + index * spacing;
                }
            }
            blockStart = ledger.reserve(slotsPerBlock * spacing, now);
            next = 1;
            return blockStart;
        }
    }
}
