package io.spock.metadata.store;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.curate.ManualFix;
import io.spock.metadata.curate.ManualFixes;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.EnrichRequest;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.Sleeper;
import io.spock.metadata.enrich.TestPipeline;
import io.spock.metadata.market.Region;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Two writers on one PostgreSQL store: enrichment runs while an operator applies fixes. No fix may be lost. */
class ConcurrentWritersTest {

    @TempDir
    Path dir;

    @Test
    void forceRefreshRunsNeverOverwriteFixesMadeMeanwhile() throws Exception {
        try (Database db = TestStore.open(TestStore.Backend.POSTGRES, dir)) {
            List<Listing> listings = new ArrayList<>();
            IntStream.range(0, 400).forEach(i -> listings.add(TestStore.listing("NYS", String.format("S%04d", i),
                    "010")));
            TestStore.add(db, listings.toArray(Listing[]::new));
            EnrichmentService enrich = service(db);
            ManualFixes fixes = new ManualFixes(db.dsl(), Clock.systemUTC());
            var utilities = GicsTaxonomy.load().sector("55").orElseThrow();
            EnrichRequest force = new EnrichRequest(EnumSet.of(Region.US), EnrichMode.FORCE_REFRESH, List.of(), 30,
                    false, false, false, 1);

            CompletableFuture<Void> runs = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 6; i++) {
                    enrich.run(force, ProgressListener.NONE);
                }
            });
            CompletableFuture<Void> operator = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 400; i += 4) {
                    fixes.apply(new ManualFix("US", String.format("S%04d", i), utilities, null, "concurrent fix"),
                            false);
                }
            });
            CompletableFuture.allOf(runs, operator).get();
            enrich.run(force, ProgressListener.NONE);

            assertThat(db.dsl().fetchCount(TICKERS, TICKERS.SOURCE.eq("MANUAL"))).isEqualTo(100);
            assertThat(db.dsl().fetchCount(TICKERS, TICKERS.SOURCE.eq("MANUAL").and(TICKERS.SECTOR_CODE.eq("55"))))
                    .isEqualTo(100);
            assertThat(db.dsl().fetchCount(TICKERS, TICKERS.SOURCE.eq("KIS").and(TICKERS.SECTOR_CODE.eq("10"))))
                    .isEqualTo(300);
            assertThat(db.dsl().fetchCount(CLASSIFICATION_HISTORY, CLASSIFICATION_HISTORY.SOURCE.eq("MANUAL")))
                    .isEqualTo(100);
        }
    }

    private static EnrichmentService service(Database db) {
        YahooSettings unreachable = YahooSettings.builder().server("http://127.0.0.1:1").build();
        return TestPipeline.service(db, unreachable, YahooRequestListener.NO_OP, Executors.newFixedThreadPool(2),
                Sleeper.SYSTEM);
    }
}
