package io.spock.metadata.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs every benchmark, prints one table and writes {@code bench/results.json}. */
public final class Benchmarks {

    /** One measured figure, with the goal it is held to. */
    record Figure(String name, double value, String unit, String goal, boolean met) {
    }

    /** A group of figures, run by name ({@code bench/run kis yahoo}) or all together. */
    private interface Group {
        List<Figure> run() throws Exception;
    }

    private static final List<Path> SCRATCH = new ArrayList<>();

    /** A new temporary folder for a benchmark's files, deleted when the benchmarks end: a KIS run fills 500 MB. */
    static synchronized Path scratch(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        SCRATCH.add(dir);
        return dir;
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            for (Path dir : SCRATCH) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, Group> groups = new LinkedHashMap<>();
        groups.put("kis", () -> EnrichBench.kisPath(100_000));
        groups.put("yahoo", () -> EnrichBench.yahooPath(500, 20.0, 200));
        groups.put("startup", ShellBench::startup);
        groups.put("queries", () -> ShellBench.completionAndCoverage(100_000));
        groups.put("import", () -> ImportBench.masterImport(30_000));
        groups.put("csv", () -> CsvImportBench.csvImport(1_000_000, 3));
        groups.put("parallel", () -> ParallelBench.sequentialVsParallel(200, 50.0, 200));
        groups.put("inspect", () -> InspectBench.tickersAndChanges(100_000, 100_000));
        groups.put("bulk", BulkBench::realUniverse);
        groups.put("shared", () -> SharedBudgetBench.oneAndTwoProcesses(200, 20.0, 200, 3));
        List<String> chosen = args.length == 0 ? List.copyOf(groups.keySet()) : List.of(args);
        List<Figure> figures = new ArrayList<>();
        for (String name : chosen) {
            Group group = groups.get(name);
            if (group == null) {
                System.err.println("unknown benchmark '" + name + "': choose from " + groups.keySet());
                System.exit(2);
            }
            figures.addAll(group.run());
        }

        System.out.printf("%n%-58s %14s  %-10s %-16s %s%n", "benchmark", "value", "unit", "goal", "met");
        for (Figure f : figures) {
            System.out.printf("%-58s %14.3f  %-10s %-16s %s%n", f.name(), f.value(), f.unit(), f.goal(),
                    f.met() ? "yes" : "NO");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("java", System.getProperty("java.version"));
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("figures", figures);
        Path out = Path.of("bench", args.length == 0 ? "results.json" : "results-" + String.join("-", args) + ".json");
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        System.out.println("\nwritten to " + out);
    }
}
