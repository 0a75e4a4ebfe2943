package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.render.BarChart;
import io.spock.metadata.render.OutputFile;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.CoverageQuery;
import io.spock.metadata.store.CoverageQuery.Dimension;
import io.spock.metadata.store.RegionStatus;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.StatusQuery;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code coverage-report}: how complete the classification is, per region, with distributions. */
@Command
public class CoverageReportCommand {

    private final StatusQuery status;
    private final CoverageQuery coverage;
    private final ObjectProvider<GicsTaxonomy> gics;
    private final Clock clock;

    public CoverageReportCommand(StatusQuery status, CoverageQuery coverage, ObjectProvider<GicsTaxonomy> gics,
                                 Clock clock) {
        this.status = status;
        this.coverage = coverage;
        this.gics = gics;
        this.clock = clock;
    }

    @Command(command = "coverage-report", description = "Per region: classified %, by source, unclassified, deferred, failed, stale, and a distribution.")
    public String report(
            @Option(longNames = "regions", defaultValue = "ALL", description = "US,CN,HK,JP,VN or ALL")
            @OptionValues(provider = "regionCompletion") String regions,
            @Option(longNames = "by", defaultValue = "sector", description = "distribution by sector, source or exchange")
            @OptionValues(provider = "dimensionCompletion") String by,
            @Option(longNames = "unclassified", description = "list the stocks still missing a sector") boolean unclassified,
            @Option(longNames = "max-age-days", defaultValue = "30", description = "age after which a classification is stale")
            int maxAgeDays,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = "output", description = "write to this file instead of the screen") String output,
            @Option(longNames = "force", description = "overwrite the --output file") boolean force) {
        OutputFormat fmt = OutputFormat.parse(format);
        Dimension dimension = dimension(by);
        if (maxAgeDays < 0) {
            throw new UsageException("--max-age-days must be 0 or more, not " + maxAgeDays);
        }
        Set<Region> chosen = Markets.parseRegions(regions);
        String text = unclassified ? unclassifiedList(chosen, fmt) : coverage(chosen, dimension, maxAgeDays, fmt);
        return output == null || output.isBlank() ? text : OutputFile.write(output, text, force);
    }

    static Dimension dimension(String by) {
        try {
            return Dimension.valueOf(by.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --by '" + by + "': choose sector, source or exchange");
        }
    }

    private String coverage(Set<Region> regions, Dimension dimension, int maxAgeDays, OutputFormat fmt) {
        List<RegionStatus> summary = status.byRegion(regions, LocalDateTime.now(clock).minusDays(maxAgeDays));
        Map<String, Map<String, Integer>> distribution = labelled(coverage.distribution(regions, dimension), dimension);
        Set<String> keys = new TreeSet<>();
        distribution.values().forEach(d -> keys.addAll(d.keySet()));

        List<Source> sources = SourceColumns.of(summary.stream().map(RegionStatus::bySource).toList());
        List<String> columns = new ArrayList<>(Arrays.asList("region", "total", "classified", "classified_pct"));
        sources.forEach(source -> columns.add(source.key()));
        columns.addAll(List.of("not_applicable", "unclassified", "not_found", "deferred", "failed", "stale",
                "disagreements"));
        if (fmt == OutputFormat.CSV) {
            keys.forEach(k -> columns.add(dimension.name().toLowerCase(Locale.ROOT) + ": " + k));
        }
        TableView.Builder view = TableView.builder(columns.toArray(String[]::new));
        for (RegionStatus s : summary) {
            List<Object> row = new ArrayList<>(Arrays.asList(s.region(), s.total(), s.classified(),
                    s.total() == 0 ? 0.0 : 100.0 * s.classified() / s.total()));
            sources.forEach(source -> row.add(s.classifiedBy(source)));
            row.addAll(List.of(s.notApplicable(), s.unclassified(), s.notFound(), s.deferred(), s.failed(), s.stale(),
                    s.disagreements()));
            if (fmt == OutputFormat.CSV) {
                keys.forEach(k -> row.add(distribution.get(s.region()).getOrDefault(k, 0)));
            }
            view.row(row.toArray());
        }
        TableView table = view.build();
        return switch (fmt) {
            case CSV -> Renderer.render(table, fmt);
            case JSON -> {
                List<Map<String, Object>> records = Renderer.records(table);
                records.forEach(r -> r.put("by_" + dimension.name().toLowerCase(Locale.ROOT),
                        distribution.get((String) r.get("region"))));
                yield Renderer.json(records);
            }
            case TABLE -> {
                StringBuilder out = new StringBuilder(Renderer.render(table, fmt));
                distribution.forEach((region, counts) -> {
                    if (!counts.isEmpty()) {
                        out.append("\n\n").append(BarChart.render(region + " by "
                                + dimension.name().toLowerCase(Locale.ROOT), counts));
                    }
                });
                yield out.toString();
            }
        };
    }

    /** Sector codes become "45 Information Technology"; empty values become "unclassified" or "none", listed last. */
    private Map<String, Map<String, Integer>> labelled(Map<String, Map<String, Integer>> raw, Dimension dimension) {
        Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
        raw.forEach((region, counts) -> {
            Map<String, Integer> named = new LinkedHashMap<>();
            counts.forEach((key, count) -> {
                if (!key.equals("-")) {
                    named.put(label(key, dimension), count);
                }
            });
            if (counts.containsKey("-")) {
                named.put(label("-", dimension), counts.get("-"));
            }
            result.put(region, named);
        });
        return result;
    }

    private String label(String key, Dimension dimension) {
        if (key.equals("-")) {
            return dimension == Dimension.SECTOR ? "unclassified" : "none";
        }
        if (dimension == Dimension.SECTOR) {
            return gics.getObject().sector(key).map(s -> s.code() + " " + s.nameEn()).orElse(key);
        }
        return key;
    }

    private String unclassifiedList(Set<Region> regions, OutputFormat fmt) {
        TableView.Builder view = TableView.builder("region", "ticker", "exchange", "name", "kis_code", "status",
                "last_error");
        for (TickersRecord r : coverage.unclassified(regions)) {
            view.row(r.getRegion(), r.getTicker(), r.getExchange(), r.getNameEn(), r.getKisCode(), r.getStatus(),
                    r.getLastError() == null ? "" : r.getLastError());
        }
        return Renderer.render(view.build(), fmt);
    }
}
