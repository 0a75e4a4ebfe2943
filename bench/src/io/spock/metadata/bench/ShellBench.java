package io.spock.metadata.bench;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.CoverageQuery;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.store.StatusQuery;
import io.spock.metadata.store.TickerFilter;
import io.spock.metadata.store.TickerLookup;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.universe.UniverseWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/** What an operator feels: one-shot start-up, Tab completion and coverage-report on a large universe. */
final class ShellBench {

    private ShellBench() {
    }

    static List<Benchmarks.Figure> startup() throws Exception {
        Path dir = Benchmarks.scratch("spock-bench");
        String db = dir.resolve("startup.db").toString();
        run(db, "./spock", "status");
        double spock = median(5, () -> run(db, "./spock", "status"));
        double java = median(5, () -> run(db, "java", "-version"));
        return List.of(
                new Benchmarks.Figure("(4) one-shot ./spock status, median of 5", spock, "s", "<= 1.5", spock <= 1.5),
                new Benchmarks.Figure("(4) java -version, median of 5 (the floor)", java, "s", "-", true));
    }

    static List<Benchmarks.Figure> completionAndCoverage(int tickers) throws Exception {
        Path dir = Benchmarks.scratch("spock-bench");
        try (Database db = Database.open(DatabaseLocation.parse(dir.resolve("big.db").toString(), null), null, null)) {
            List<Listing> listings = new ArrayList<>(tickers);
            var exchanges = Markets.exchanges();
            for (int i = 0; i < tickers; i++) {
                listings.add(Listing.of(exchanges.get(i % exchanges.size()), String.format("T%06d", i), "Co " + i,
                        null, SecurityType.STOCK, i % 2 == 0 ? "000" : "010"));
            }
            new UniverseWriter(db.dsl(), Clock.systemUTC()).insertMissing(listings);
            TickerLookup lookup = new TickerLookup(db.dsl());
            StatusQuery status = new StatusQuery(db.dsl());
            CoverageQuery coverage = new CoverageQuery(db.dsl());
            for (int i = 0; i < 200; i++) {
                lookup.startingWith("T0" + (i % 10), null, 50);
            }
            double completion = median(51, () -> timed(() -> lookup.startingWith("T0123", null, 50)));
            double report = median(5, () -> timed(() -> {
                status.byRegion(EnumSet.allOf(Region.class), LocalDateTime.now().minusDays(30));
                return coverage.distribution(TickerFilter.listed(EnumSet.allOf(Region.class)),
                        CoverageQuery.Dimension.SECTOR);
            }));
            return List.of(
                    new Benchmarks.Figure("(5) ticker completion on " + tickers + " tickers, median", completion * 1000,
                            "ms", "<= 30", completion * 1000 <= 30),
                    new Benchmarks.Figure("(5) coverage-report queries on " + tickers + " tickers, median",
                            report * 1000, "ms", "<= 300", report * 1000 <= 300));
        }
    }

    private static double timed(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double run(String db, String... command) {
        try {
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("SPOCK_DB", db);
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(Arrays.toString(command) + " exited " + exit);
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double median(int runs, Supplier<Double> measure) {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = measure.get();
        }
        Arrays.sort(values);
        return values[runs / 2];
    }
}
