package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.SectorNames;
import io.spock.metadata.market.Exchange;
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
import io.spock.metadata.store.TickerFilter;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code coverage-report}: how complete the classification is, per region, with distributions; of the tickers the
 * ticker filters select (listed ones unless {@code --delisted}).
 */
@Command
public class CoverageReportCommand {

    private final StatusQuery status;
    private final CoverageQuery coverage;
    private final ObjectProvider<GicsTaxonomy> gics;
    private final TickerFilterOptions filters;
    private final ScreenWidth screen;
    private final LangOption langs;

    public CoverageReportCommand(StatusQuery status, CoverageQuery coverage, ObjectProvider<GicsTaxonomy> gics,
                                 TickerFilterOptions filters, ScreenWidth screen, LangOption langs) {
        this.status = status;
        this.coverage = coverage;
        this.gics = gics;
        this.filters = filters;
        this.screen = screen;
        this.langs = langs;
    }

    @Command(command = "coverage-report", group = CommandGroups.INSPECTION, description = "Per region: classified %, by source, unclassified, deferred, failed, stale, and a distribution.")
    @Examples({"coverage-report --regions US", "coverage-report --by source",
            "coverage-report --unclassified --format csv --output /tmp/missing.csv",
            "coverage-report --format csv --output /tmp/coverage.csv --force   # fixed columns, for spreadsheets",
            "coverage-report --regions JP --lang ja"})
    @WithTickerFilters
    public String report(
            @Option(longNames = "by", defaultValue = "sector", description = "distribution by sector, source or exchange")
            @OptionValues(provider = "dimensionCompletion") String by,
            @Option(longNames = "unclassified", description = "list the stocks still missing a sector") boolean unclassified,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = "output", label = "FILE", description = "write to this file instead of the screen")
            @OptionValues(provider = "fileCompletion") String output,
            @Option(longNames = "force", description = "overwrite the --output file") boolean force,
            @Option(longNames = LangOption.NAME, label = LangOption.LABEL, description = LangOption.DESCRIPTION)
            @OptionValues(provider = "langCompletion") String lang,
            CommandContext context) {
        OutputFormat fmt = OutputFormat.parse(format);
        Dimension dimension = dimension(by);
        SectorNames names = langs.read(lang);
        TickerFilter filter = filters.read(context, false);
        boolean toScreen = output == null || output.isBlank();
        int width = toScreen ? screen.columns() : 0;
        String text = unclassified ? unclassifiedList(filter, fmt, width)
                : coverage(filter, dimension, fmt, width, names);
        return toScreen ? text : OutputFile.write(output, text, force);
    }

    static Dimension dimension(String by) {
        try {
            return Dimension.valueOf(by.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --by '" + by + "': choose sector, source or exchange");
        }
    }

    /**
     * @param names the table's bar charts name sectors in the display language; CSV columns and JSON keys stay in
     *              English, and JSON adds {@code sector_names} (code to name) when {@code --lang} chose a language
     */
    private String coverage(TickerFilter filter, Dimension dimension, OutputFormat fmt, int width, SectorNames names) {
        List<RegionStatus> summary = status.byRegion(filter, filter.staleBefore());
        Map<String, Map<String, Integer>> raw = coverage.distribution(filter, dimension);
        SectorNames shown = names.labels(fmt == OutputFormat.TABLE);
        Map<String, Map<String, Integer>> distribution = labelled(raw, dimension, shown);
        List<Source> sources = SourceColumns.of(summary.stream().map(RegionStatus::bySource).toList());
        List<String> keys = csvKeys(filter.regions(), dimension, sources, shown);

        List<String> columns = new ArrayList<>(Arrays.asList("region", "total", "classified", "classified_pct"));
        sources.forEach(source -> columns.add(source.key()));
        columns.addAll(List.of("not_applicable", "unclassified", "not_found", "deferred", "failed", "stale",
                "disagreements"));
        if (fmt == OutputFormat.CSV) {
            keys.forEach(k -> columns.add(dimension.name().toLowerCase(Locale.ROOT) + ": " + k));
        }
        TableView.Builder view = TableView.builder(columns.toArray(String[]::new));
        sources.forEach(source -> view.dropFirst(source.key()));
        view.dropFirst("not_applicable", "stale");
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
                if (names.nameColumn(false) && dimension == Dimension.SECTOR) {
                    records.forEach(r -> r.put("sector_names", sectorNames(raw.get((String) r.get("region")), names)));
                }
                yield Renderer.json(records);
            }
            case TABLE -> {
                StringBuilder out = new StringBuilder(Renderer.render(table, fmt, width));
                distribution.forEach((region, counts) -> {
                    if (!counts.isEmpty()) {
                        out.append("\n\n").append(BarChart.render(region + " by "
                                + dimension.name().toLowerCase(Locale.ROOT), counts, width));
                    }
                });
                yield out.toString();
            }
        };
    }

    /**
     * The distribution columns of the CSV, the same whatever the data holds so that a spreadsheet fed by cron never
     * shifts: every GICS sector in code order, every source ({@link SourceColumns}), or every exchange of the regions;
     * then the empty value.
     */
    private List<String> csvKeys(Set<Region> regions, Dimension dimension, List<Source> sources, SectorNames names) {
        List<String> keys = new ArrayList<>(switch (dimension) {
            case SECTOR -> gics.getObject().sectors().stream().map(GicsSector::code).sorted()
                    .map(code -> label(code, dimension, names)).toList();
            case SOURCE -> sources.stream().map(Source::name).toList();
            case EXCHANGE -> regions.stream().sorted().flatMap(r -> Markets.exchanges(r).stream())
                    .map(Exchange::code).toList();
        });
        keys.add(label("-", dimension, names));
        return keys;
    }

    /** The names of the sectors of one region's distribution, by code: {@code {"45": "信息技术"}}. */
    private static Map<String, String> sectorNames(Map<String, Integer> counts, SectorNames names) {
        Map<String, String> named = new LinkedHashMap<>();
        counts.keySet().stream().filter(code -> !code.equals("-")).forEach(code -> named.put(code, names.name(code)));
        return named;
    }

    /** Sector codes become "45 Information Technology"; empty values become "unclassified" or "none", listed last. */
    private static Map<String, Map<String, Integer>> labelled(Map<String, Map<String, Integer>> raw,
                                                              Dimension dimension, SectorNames names) {
        Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
        raw.forEach((region, counts) -> {
            Map<String, Integer> named = new LinkedHashMap<>();
            counts.forEach((key, count) -> {
                if (!key.equals("-")) {
                    named.put(label(key, dimension, names), count);
                }
            });
            if (counts.containsKey("-")) {
                named.put(label("-", dimension, names), counts.get("-"));
            }
            result.put(region, named);
        });
        return result;
    }

    private static String label(String key, Dimension dimension, SectorNames names) {
        if (key.equals("-")) {
            return dimension == Dimension.SECTOR ? "unclassified" : "none";
        }
        return dimension == Dimension.SECTOR ? names.label(key) : key;
    }

    private String unclassifiedList(TickerFilter filter, OutputFormat fmt, int width) {
        TableView.Builder view = TableView.builder("region", "ticker", "exchange", "name", "kis_code", "status",
                "last_error");
        for (TickersRecord r : coverage.unclassified(filter)) {
            view.row(r.getRegion(), r.getTicker(), r.getExchange(), r.getNameEn(), r.getKisCode(), r.getStatus(),
                    r.getLastError() == null ? "" : r.getLastError());
        }
        return Renderer.render(view.build(), fmt, width);
    }
}
