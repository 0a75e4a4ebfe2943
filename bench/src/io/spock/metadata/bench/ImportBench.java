package io.spock.metadata.bench;

import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.kis.MasterFile;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.universe.MarketImport;
import io.spock.metadata.universe.MasterImporter;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Master-file import: a generated NASDAQ file in the real layout, read and imported into a new database. */
final class ImportBench {

    private static final Charset CP949 = Charset.forName("MS949");
    private static final String[] CODES = {"000", "010", "110", "230", "310", "410", "520", "610", "710", "730"};

    private ImportBench() {
    }

    static List<Benchmarks.Figure> masterImport(int lines) throws Exception {
        Path dir = Benchmarks.scratch("spock-import-bench");
        byte[] file = masterFile(lines);
        importOnce(dir.resolve("warm-up.db"), masterFile(lines / 5));

        long start = System.nanoTime();
        Result first = importOnce(dir.resolve("import.db"), file);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = lines / seconds;

        List<Benchmarks.Figure> figures = new ArrayList<>();
        figures.add(new Benchmarks.Figure("(4) import-master of a " + lines + "-line master file (read + write)",
                rate, "lines/s", ">= 10000", rate >= 10_000 && first.imported().added() == lines));
        figures.add(new Benchmarks.Figure("(4) re-import of the same file (all unchanged)", first.reimportRate(),
                "lines/s", ">= 10000", first.reimportRate() >= 10_000));
        return figures;
    }

    /** The first import's counts, and the rate of a second import of the same bytes into the same database. */
    private record Result(MarketImport imported, double reimportRate) {
    }

    private static Result importOnce(Path database, byte[] file) {
        try (Database db = Database.open(DatabaseLocation.parse(database.toString(), null), null, null)) {
            KisMasterReader reader = new KisMasterReader();
            MasterImporter importer = new MasterImporter(db.dsl(), Clock.systemUTC());
            MarketImport imported = importer.importFile(reader.read("NASMST.COD", file), false);
            long start = System.nanoTime();
            MasterFile again = reader.read("NASMST.COD", file);
            MarketImport second = importer.importFile(again, false);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(imported, second.unchanged() / seconds);
        }
    }

    private static byte[] masterFile(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            String symbol = "B" + Integer.toString(i, 36).toUpperCase(Locale.ROOT);
            text.append(String.join("\t", "US", "22", "NAS", "나스닥", symbol, "DNAS" + symbol, "벤치마크 회사 " + i,
                    "BENCHMARK COMPANY " + i + " INC", "2", "USD", "4", "", "10.2200", "1", "1", "930", "1600", "N",
                    "", CODES[i % CODES.length], "0", "0", "   ", "   ")).append('\n');
        }
        return text.toString().getBytes(CP949);
    }
}
