package io.spock.metadata.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared request budget on fake time, with the ledger in memory (the store's is {@code RequestBudgetsTest}):
 * blocks of slots, one reservation per block, and clients sharing a ledger never above the rate together.
 */
class SharedBudgetTest {

    private static final long SECOND = 1_000_000;

    /** A ledger in memory, counting its reservations. */
    private static final class MemoryLedger implements SlotLedger {
        long nextFree;
        int reservations;

        @Override
        public synchronized long reserve(long lengthMicros, long nowMicros) {
            reservations++;
            long start = Math.max(nowMicros, nextFree);
            nextFree = start + lengthMicros;
            return start;
        }
    }

    private final FakeTimeSource time = new FakeTimeSource();
    private final MemoryLedger ledger = new MemoryLedger();

    private RequestPermits client(double rate) {
        return new SharedBudget(ledger, Duration.ofSeconds(1), () -> time.nanoTime() / 1000).permits(rate, 1, time);
    }

    private long nowMicros() {
        return time.nanoTime() / 1000;
    }

    @Test
    void oneClientSendsAtItsRateAndReservesOncePerBlockOfSlots() throws InterruptedException {
        RequestPermits permits = client(10);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            permits.acquire();
            sent.add(nowMicros());
        }

        assertThat(sent.get(49) - sent.get(0)).isEqualTo(49 * SECOND / 10);
        assertThat(ledger.reservations).as("10 slots per block of 1 s").isEqualTo(5);
        assertThat(maxInAnySecond(sent)).isEqualTo(10);
    }

    @Test
    void twoClientsOnOneLedgerTakeTurnsAndStayWithinTheRateTogether() throws InterruptedException {
        RequestPermits first = client(10);
        RequestPermits second = client(10);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            (i % 2 == 0 ? first : second).acquire();
            sent.add(nowMicros());
        }

        assertThat(maxInAnySecond(sent)).isLessThanOrEqualTo(10);
        assertThat(sent.get(39) - sent.get(0)).as("together at the rate, not twice it")
                .isGreaterThanOrEqualTo(30 * SECOND / 10);
    }

    @Test
    void aClientThatComesBackAfterAPauseStartsANewBlockAtOnce() throws InterruptedException {
        RequestPermits permits = client(10);
        permits.acquire();
        time.sleepNanos(5_000_000_000L);
        long before = nowMicros();

        permits.acquire();

        assertThat(nowMicros()).isEqualTo(before);
        assertThat(ledger.reservations).isEqualTo(2);
    }

    @Test
    void aSlotMissedByMoreThanTheLatenessAllowedIsSkippedNotUsedLate() throws InterruptedException {
        RequestPermits permits = client(10);
        permits.acquire();
        long blockStart = nowMicros();
        time.sleepNanos((SharedBudget.LATE + 250_000) * 1000); // slots 1 and 2 (100 and 200 ms) are past

        permits.acquire();

        assertThat(nowMicros() - blockStart).as("slot 3").isEqualTo(300_000);
    }

    @Test
    void anotherProcesssReservedStretchIsWaitedFor() throws InterruptedException {
        ledger.nextFree = nowMicros() + 2 * SECOND;
        long before = nowMicros();

        client(10).acquire();

        assertThat(nowMicros() - before).isEqualTo(2 * SECOND);
    }

    @Test
    void aThreadThatWakesTooLateForItsSlotTakesALaterOneInsteadOfGoingOutBunched() throws InterruptedException {
        long start = nowMicros();
        ledger.nextFree = start + SECOND;
        TimeSource oversleeping = new TimeSource() {
            private boolean first = true;

            @Override
            public long nanoTime() {
                return time.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) {
                time.sleepNanos(nanos + (first ? 35_000_000 : 0));
                first = false;
            }
        };
        RequestPermits permits = new SharedBudget(ledger, Duration.ofSeconds(1), () -> time.nanoTime() / 1000)
                .permits(10, 1, oversleeping);

        permits.acquire();

        assertThat(nowMicros() - start).as("slot 1 of the block, not slot 0 35 ms late").isEqualTo(SECOND + 100_000);
    }

    /** The most requests in any one-second window [t, t + 1 s). */
    static int maxInAnySecond(List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        int most = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(end) - sorted.get(start) >= SECOND) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
