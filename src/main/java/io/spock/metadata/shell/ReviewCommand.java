package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.SectorNames;
import io.spock.metadata.market.Markets;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.ReviewQuery;
import io.spock.metadata.store.ReviewReason;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code review}: the operator's queue. Tickers whose sources disagree, whose only answer is of low confidence, or
 * that a source does not know; each with every source's sector and a ready {@code map-sector} line to copy.
 */
@Command
public class ReviewCommand {

    static final int MAX_LIMIT = 100_000;

    private final ReviewQuery queue;
    private final ScreenWidth screen;
    private final LangOption langs;

    public ReviewCommand(ReviewQuery queue, ScreenWidth screen, LangOption langs) {
        this.queue = queue;
        this.screen = screen;
        this.langs = langs;
    }

    @Command(command = "review", group = CommandGroups.INSPECTION, description = "Tickers that need a human: sources disagree, low confidence only, or not found; with a map-sector line for each.")
    @Examples({"review", "review --regions US --reason disagreement", "review --format csv --limit 1000",
            "review --regions HK --lang zh-Hant"})
    public String review(
            @Option(longNames = "regions", defaultValue = "ALL", label = "LIST", description = "US,CN,HK,JP,VN or ALL")
            @OptionValues(provider = "regionCompletion") String regions,
            @Option(longNames = "reason", description = "disagreement, low or not-found (a comma list); all when left out")
            @OptionValues(provider = "reviewReasonCompletion") String reason,
            @Option(longNames = "limit", defaultValue = "50", description = "the most tickers listed")
            @Min(1) @Max(MAX_LIMIT) int limit,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = LangOption.NAME, label = LangOption.LABEL, description = LangOption.DESCRIPTION)
            @OptionValues(provider = "langCompletion") String lang) {
        OutputFormat output = OutputFormat.parse(format);
        SectorNames names = langs.read(lang);
        ReviewQuery.Page page = queue.queue(Markets.parseRegions(regions), reasons(reason), limit);
        if (output == OutputFormat.JSON) {
            return Renderer.json(page.items().stream().map(item -> json(item, names)).toList());
        }
        boolean table = output == OutputFormat.TABLE;
        boolean nameColumn = names.nameColumn(table);
        SectorNames shown = names.labels(table);
        List<String> columns = new ArrayList<>(List.of("region", "ticker", "name", "reasons", "decided", "sources",
                "map_sector"));
        if (nameColumn) {
            columns.add("sector_name");
        }
        TableView.Builder view = TableView.builder(columns.toArray(String[]::new)).dropFirst("name", "sources")
                .keepWhole("map_sector");
        for (ReviewQuery.Item item : page.items()) {
            List<Object> row = new ArrayList<>(List.of(item.region(), item.ticker(),
                    item.nameEn() == null ? "" : item.nameEn(), reasonList(item), decided(item, shown),
                    opinions(item), command(item)));
            if (nameColumn) {
                row.add(item.sectorCode() == null ? "" : names.name(item.sectorCode()));
            }
            view.row(row.toArray());
        }
        if (output == OutputFormat.CSV) {
            return Renderer.render(view.build(), output);
        }
        if (page.items().isEmpty()) {
            return "the review queue is empty";
        }
        String more = page.matching() > page.items().size()
                ? "\n\n" + (page.matching() - page.items().size()) + " more (raise --limit to see them)" : "";
        return Renderer.render(view.build(), output, screen.columns()) + more;
    }

    static Set<ReviewReason> reasons(String option) {
        Set<ReviewReason> reasons = EnumSet.noneOf(ReviewReason.class);
        if (option == null) {
            return reasons;
        }
        for (String part : option.split(",", -1)) {
            reasons.add(ReviewReason.parse(part).orElseThrow(() -> new UsageException("unknown --reason '"
                    + part.trim() + "': choose disagreement, low or not-found")));
        }
        return reasons;
    }

    private static Map<String, Object> json(ReviewQuery.Item item, SectorNames names) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("region", item.region());
        json.put("ticker", item.ticker());
        json.put("name", item.nameEn());
        json.put("reasons", item.reasons().stream().map(ReviewReason::option).toList());
        json.put("sector_code", item.sectorCode());
        json.put("sector_en", item.sectorEn());
        if (names.nameColumn(false)) {
            json.put("sector_name", names.name(item.sectorCode()));
        }
        json.put("source", item.source());
        json.put("confidence", item.confidence());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (ReviewQuery.Opinion o : item.opinions()) {
            Map<String, Object> opinion = new LinkedHashMap<>();
            opinion.put("source", o.source());
            opinion.put("answer", o.verdict());
            opinion.put("sector_code", o.sectorCode());
            opinion.put("confidence", o.confidence());
            sources.add(opinion);
        }
        json.put("sources", sources);
        json.put("map_sector", command(item));
        return json;
    }

    private static String reasonList(ReviewQuery.Item item) {
        return item.reasons().stream().map(ReviewReason::option).collect(Collectors.joining(","));
    }

    private static String decided(ReviewQuery.Item item, SectorNames names) {
        return item.sectorCode() == null ? "-" : names.label(item.sectorCode()) + " (" + item.source()
                + (item.confidence() == null ? "" : ", " + item.confidence().toLowerCase()) + ")";
    }

    /** Every source's answer: {@code KIS 45 medium · YAHOO 25 high · PARENT not found}. */
    private static String opinions(ReviewQuery.Item item) {
        if (item.opinions().isEmpty()) {
            return "-";
        }
        return item.opinions().stream().map(o -> o.source() + " " + (o.sectorCode() == null
                        ? o.verdict().toLowerCase().replace('_', ' ')
                        : o.sectorCode() + (o.confidence() == null ? "" : " " + o.confidence().toLowerCase())))
                .collect(Collectors.joining(" · "));
    }

    /**
     * A {@code map-sector} line to copy: the decided sector (or the first source's, when none decided), which the
     * operator confirms or edits.
     */
    static String command(ReviewQuery.Item item) {
        String sector = item.sectorCode() != null ? item.sectorCode()
                : item.opinions().stream().filter(o -> o.sectorCode() != null).map(ReviewQuery.Opinion::sectorCode)
                .findFirst().orElse("SECTOR");
        return "map-sector " + item.ticker() + " " + sector + " --region " + item.region() + " --reason \"review: "
                + reasonList(item) + "\"";
    }
}
