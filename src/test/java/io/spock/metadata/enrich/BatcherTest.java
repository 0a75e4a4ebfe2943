package io.spock.metadata.enrich;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.market.Region;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The region's batches: written on the writer thread while the region decides the next ones, counted only once
 * written, and a write's failure thrown on the region's thread.
 */
class BatcherTest {

    private static final GicsSector ENERGY = new GicsSector("10", "Energy", "에너지");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    /** A guard against a hang, not a timing: every wait here ends at once when the code is right. */
    private static final Duration HANG = Duration.ofSeconds(30);

    private final RegionTally tally = new RegionTally("US", List.of(Source.KIS));
    private final List<Integer> advanced = new ArrayList<>();
    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void advanced(String region, int done) {
            advanced.add(done);
        }
    };
    private int tickers;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theRegionDecidesTheNextBatchWhileTheLastIsWrittenAndCountsEachOnceWritten() throws Exception {
        CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
        List<LocalDateTime> stamps = new ArrayList<>();
        Batcher batcher = batcher((batch, now) -> {
            stamps.add(now);
            await(firstWriteMayEnd);
        });

        assertTimeoutPreemptively(HANG, () -> acceptBatches(batcher, 2));
        assertThat(tally.total()).as("nothing counted while the first write has not ended").isZero();
        assertThat(advanced).isEmpty();

        firstWriteMayEnd.countDown();
        assertTimeoutPreemptively(HANG, batcher::finish);
        batcher.close();

        assertThat(tally.total()).isEqualTo(2 * Batcher.SIZE);
        assertThat(advanced).containsExactly(Batcher.SIZE, Batcher.SIZE);
        assertThat(stamps).hasSize(2).allMatch(LocalDateTime.now(CLOCK)::equals);
    }

    @Test
    void aFailedWriteIsThrownOnTheRegionThreadAndOnlyTheBatchesWrittenCount() {
        IllegalStateException locked = new IllegalStateException("database is locked");
        CountDownLatch bothHandedOver = new CountDownLatch(1);
        int[] writes = {0};
        Batcher batcher = batcher((batch, now) -> {
            if (++writes[0] == 1) {
                await(bothHandedOver);
                throw locked;
            }
        });

        acceptBatches(batcher, 2);
        bothHandedOver.countDown();

        assertThatThrownBy(batcher::finish).isSameAs(locked);
        batcher.close();
        assertThat(writes[0]).isEqualTo(2);
        assertThat(tally.total()).as("the second batch was written, the first was not").isEqualTo(Batcher.SIZE);
        assertThat(tally.done("T0000")).isFalse();
        assertThat(tally.done("T0" + Batcher.SIZE)).isTrue();
    }

    @Test
    void anInterruptedRegionWritesNoMoreButWaitsForTheBatchInFlightAndCountsIt() {
        List<Integer> written = new ArrayList<>();
        Batcher batcher = batcher((batch, now) -> written.add(batch.size()));
        acceptBatches(batcher, 1);

        Thread.currentThread().interrupt();
        for (int i = 0; i < Batcher.SIZE - 1; i++) {
            batcher.accept(outcome());
        }
        assertThatThrownBy(() -> batcher.accept(outcome())).isInstanceOf(Batcher.Stopped.class);
        batcher.close();

        assertThat(written).containsExactly(Batcher.SIZE);
        assertThat(tally.total()).isEqualTo(Batcher.SIZE);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
    }

    @Test
    void aDryRunCountsEveryBatchAndWritesNone() {
        List<Integer> written = new ArrayList<>();
        Batcher batcher = new Batcher((batch, now) -> written.add(batch.size()), request(true), progress, "US",
                tally, new ArrayList<>(), CLOCK, () -> { });

        acceptBatches(batcher, 1);
        batcher.accept(outcome());
        batcher.finish();
        batcher.close();

        assertThat(written).isEmpty();
        assertThat(tally.summary(RunState.COMPLETED, Duration.ZERO, null).total()).isEqualTo(Batcher.SIZE + 1);
    }

    private Batcher batcher(Batcher.Writes writes) {
        return new Batcher(writes, request(false), progress, "US", tally, new ArrayList<>(), CLOCK, () -> { });
    }

    private static EnrichRequest request(boolean dryRun) {
        return new EnrichRequest(EnumSet.of(Region.US), EnrichMode.FORCE_REFRESH, List.of(), 30, dryRun, false,
                false, 1);
    }

    private void acceptBatches(Batcher batcher, int batches) {
        for (int i = 0; i < batches * Batcher.SIZE; i++) {
            batcher.accept(outcome());
        }
    }

    private Outcome outcome() {
        String ticker = String.format("T%04d", tickers++);
        Candidate candidate = new Candidate("US", ticker, "NYS", ticker, null, "010", ticker, null, null, null, false,
                false);
        return new Outcome(candidate, TickerStatus.CLASSIFIED, ENERGY, null, Source.KIS, Confidence.HIGH, false, false,
                null, "test", false, List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(HANG.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the write end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
