package io.spock.metadata.store;

import io.spock.metadata.http.SlotLedger;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.spock.metadata.store.generated.Tables.REQUEST_BUDGETS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Yahoo timeline in the store: reservations chain, start at the caller's time when the timeline is idle, and
 * never overlap when two processes (two pools on one store) reserve at once. Times are given, not read from a clock.
 */
class RequestBudgetsTest {

    @TempDir
    Path dir;
    Database db;

    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void open() {
        db = TestStore.open(backend(), dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void reservationsFollowOneAnotherAndAnIdleTimelineStartsNow() {
        SlotLedger yahoo = new RequestBudgets(db.dsl()).ledger(RequestBudgets.YAHOO);

        assertThat(yahoo.reserve(1_000_000, 5_000_000)).isEqualTo(5_000_000);
        assertThat(yahoo.reserve(1_000_000, 5_100_000)).as("after the first block").isEqualTo(6_000_000);
        assertThat(yahoo.reserve(500_000, 9_000_000)).as("idle since 7 s").isEqualTo(9_000_000);
        assertThat(db.dsl().fetchValue(REQUEST_BUDGETS.NEXT_FREE_US, REQUEST_BUDGETS.SERVICE.eq("YAHOO")))
                .isEqualTo(9_500_000L);
    }

    @Test
    void aTimelineRunningFarAheadIsNotWaitedFor() {
        SlotLedger yahoo = new RequestBudgets(db.dsl()).ledger(RequestBudgets.YAHOO);
        yahoo.reserve(RequestBudgets.MAX_AHEAD_MICROS + 10_000_000, 0);

        assertThat(yahoo.reserve(1_000_000, 1_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void aServiceWithoutItsRowGetsOne() {
        SlotLedger other = new RequestBudgets(db.dsl()).ledger("KIS");

        assertThat(other.reserve(1_000, 42)).isEqualTo(42);
        assertThat(other.reserve(1_000, 42)).isEqualTo(1_042);
    }

    @Test
    void twoProcessesReservingAtOnceNeverGetOverlappingStretches() throws Exception {
        try (Database second = Database.open(db.location(), null, null)) {
            List<SlotLedger> ledgers = List.of(new RequestBudgets(db.dsl()).ledger(RequestBudgets.YAHOO),
                    new RequestBudgets(second.dsl()).ledger(RequestBudgets.YAHOO));
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Long> starts = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                SlotLedger ledger = ledgers.get(t % 2);
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        starts.add(ledger.reserve(1_000, 0));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            threads.shutdown();

            assertThat(starts).hasSize(100).doesNotHaveDuplicates();
            assertThat(starts.stream().sorted().toList()).isEqualTo(
                    java.util.stream.LongStream.range(0, 100).map(i -> i * 1_000).boxed().toList());
        }
    }
}
