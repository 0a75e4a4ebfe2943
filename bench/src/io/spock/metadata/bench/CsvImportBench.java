package io.spock.metadata.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.universe.CsvImportResult;
import io.spock.metadata.universe.CsvUniverseImport;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * import-csv of a generated file in the export layout, in a child JVM capped at {@value #HEAP} so that a file much
 * larger than the heap proves the import streams: speed and the peak of live data after garbage collection, median
 * of several runs, each into a new SQLite database.
 */
final class CsvImportBench {

    static final String HEAP = "-Xmx512m";
    private static final String[] SECTORS = {"10", "15", "20", "25", "30", "35", "40", "45", "50", "55", "60"};

    private CsvImportBench() {
    }

    static List<Benchmarks.Figure> csvImport(int lines, int runs) throws Exception {
        Path dir = Benchmarks.scratch("spock-csv-bench");
        Path csv = generate(dir.resolve("universe.csv"), lines);
        double megabytes = Files.size(csv) / 1e6;
        double[] rates = new double[runs];
        double[] peaks = new double[runs];
        for (int i = 0; i < runs; i++) {
            String[] result = child(csv, dir.resolve("import-" + i + ".db")).split(" ");
            rates[i] = lines / Double.parseDouble(result[0]);
            peaks[i] = Double.parseDouble(result[1]) / 1e6;
            Files.deleteIfExists(dir.resolve("import-" + i + ".db"));
        }
        Files.delete(csv);
        Files.delete(dir);
        Arrays.sort(rates);
        Arrays.sort(peaks);
        double rate = rates[runs / 2];
        double peak = peaks[runs / 2];
        return List.of(
                new Benchmarks.Figure(String.format(Locale.ROOT, "import-csv of %,d lines (%.0f MB), %s, median of %d",
                        lines, megabytes, HEAP, runs), rate, "lines/s", "-", true),
                new Benchmarks.Figure("the same: peak live heap after GC, median", peak, "MB", "< 512", peak < 512));
    }

    /** Runs one import in a JVM with {@value #HEAP}; returns "seconds peakBytes". */
    private static String child(Path csv, Path db) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-cp", System.getProperty("java.class.path"), "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", "-Dlogback.configurationFile=bench/logback-bench.xml",
                CsvImportBench.class.getName(), csv.toString(), db.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import-csv bench child failed: " + out);
        }
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    /** The child: imports the file and prints the seconds it took and the peak of heap used after a collection. */
    public static void main(String[] args) throws Exception {
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                peak.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        try (Database db = Database.open(DatabaseLocation.parse(args[1], null), null, null)) {
            GicsTaxonomy gics = GicsTaxonomy.load();
            long start = System.nanoTime();
            CsvImportResult result = new CsvUniverseImport(db.dsl(), () -> gics, Clock.systemUTC())
                    .importFile(Path.of(args[0]), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.added() != result.rows()) {
                throw new IllegalStateException("added " + result.added() + " of " + result.rows());
            }
            System.out.println(seconds + " " + peak.get());
        }
    }

    /** Lines in the export layout: US, CN, HK and JP tickers, Korean names, half of them classified. */
    private static Path generate(Path file, int lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("region,exchange,ticker,name_en,name_ko,security_type,kis_code,yahoo_symbol,sector_code,"
                    + "sector_en,sector_ko,industry,is_spac,is_preferred,source,confidence,status,last_enriched,"
                    + "delisted\n");
            for (int i = 0; i < lines; i++) {
                String ticker = "B" + Integer.toString(i, 36).toUpperCase(Locale.ROOT);
                boolean classified = i % 2 == 0;
                String sector = SECTORS[i % SECTORS.length];
                out.write("US,NAS," + ticker + ",BENCHMARK COMPANY " + i + " INC,벤치마크 회사 " + i + ",STOCK,"
                        + (classified ? "730" : "000") + ",," + (classified ? sector : "") + ",,,"
                        + (classified ? "Consumer Electronics" : "") + ",false,false,"
                        + (classified ? "KIS,HIGH,CLASSIFIED,2025-10-17 09:30:00" : ",,PENDING,") + ",false\n");
            }
        }
        return file;
    }
}
