package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.render.OutputFile;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.TickerColumn;
import io.spock.metadata.store.TickerQuery;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code tickers}: the tickers the ticker filters select (listed ones unless {@code --delisted}), sorted and paged,
 * as a table, CSV or JSON. The table shows the main columns; CSV and JSON every column {@code --sort} knows.
 */
@Command
public class TickersCommand {

    static final int MAX_LIMIT = 100_000;

    private final TickerQuery query;
    private final TickerFilterOptions filters;

    public TickersCommand(TickerQuery query, TickerFilterOptions filters) {
        this.query = query;
        this.filters = filters;
    }

    @Command(command = "tickers", group = CommandGroups.INSPECTION, description = "Find tickers by any attribute (region, exchange, sector, source, confidence, status, name, flags): filtered, sorted, paged.")
    @WithTickerFilters
    public String tickers(
            @Option(longNames = "sort", defaultValue = "region,ticker",
                    description = "columns to sort by, a comma list (name, sector, confidence, last_enriched, …)")
            @OptionValues(provider = "tickerColumnCompletion") String sort,
            @Option(longNames = "desc", description = "sort from high to low") boolean descending,
            @Option(longNames = "limit", defaultValue = "50", description = "the most tickers listed") int limit,
            @Option(longNames = "offset", defaultValue = "0", description = "matching tickers to skip first") int offset,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = "output", description = "write to this file instead of the screen") String output,
            @Option(longNames = "force", description = "overwrite the --output file") boolean force,
            CommandContext context) {
        OutputFormat fmt = OutputFormat.parse(format);
        List<TickerColumn> columns = columns(sort);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new UsageException("--limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0) {
            throw new UsageException("--offset must be 0 or more, not " + offset);
        }
        TickerQuery.Page page = query.find(filters.read(context, false), columns, descending, limit, offset);
        String text = render(page, fmt);
        return output == null || output.isBlank() ? text : OutputFile.write(output, text, force);
    }

    static List<TickerColumn> columns(String sort) {
        List<TickerColumn> columns = new ArrayList<>();
        for (String name : sort.split(",")) {
            if (!name.isBlank()) {
                columns.add(TickerColumn.parse(name).orElseThrow(() -> new UsageException("unknown --sort column '"
                        + name.trim() + "': choose " + FilterValues.choices(TickerColumn.labels()))));
            }
        }
        if (columns.isEmpty()) {
            throw new UsageException("--sort needs a column");
        }
        return columns;
    }

    private static String render(TickerQuery.Page page, OutputFormat fmt) {
        if (fmt != OutputFormat.TABLE) {
            return Renderer.render(full(page.rows()), fmt);
        }
        if (page.rows().isEmpty()) {
            return page.matching() == 0 ? "no tickers match"
                    : "no tickers past --offset " + page.offset() + " (" + page.matching() + " match)";
        }
        String more = page.more() == 0 ? "" : "\n\n" + page.more() + " more (--offset "
                + (page.offset() + page.rows().size()) + " for the next page)";
        return Renderer.render(brief(page.rows()), fmt) + more;
    }

    /** The table: the columns an operator reads first. */
    private static TableView brief(List<TickersRecord> rows) {
        TableView.Builder view = TableView.builder("region", "ticker", "exchange", "name", "sector", "source",
                "confidence", "status", "last_enriched", "flags");
        for (TickersRecord r : rows) {
            view.row(r.getRegion(), r.getTicker(), r.getExchange(), r.getNameEn() != null ? r.getNameEn() : r.getNameKo(),
                    r.getSectorCode() == null ? null : r.getSectorCode() + " " + r.getSectorEn(), r.getSource(),
                    r.getConfidence(), r.getStatus(), r.getLastEnriched(), flags(r));
        }
        return view.build();
    }

    /** CSV and JSON: every column, by the names {@code --sort} takes. */
    private static TableView full(List<TickersRecord> rows) {
        TableView.Builder view = TableView.builder("region", "ticker", "exchange", "name", "name_ko", "kis_code",
                "sector_code", "sector", "industry", "source", "confidence", "status", "spac", "preferred",
                "delisted", "disagreement", "last_enriched");
        for (TickersRecord r : rows) {
            view.row(r.getRegion(), r.getTicker(), r.getExchange(), r.getNameEn(), r.getNameKo(), r.getKisCode(),
                    r.getSectorCode(), r.getSectorEn(), r.getIndustry(), r.getSource(), r.getConfidence(),
                    r.getStatus(), r.getIsSpac(), r.getIsPreferred(), r.getDelisted(), r.getDisagreement(),
                    r.getLastEnriched());
        }
        return view.build();
    }

    private static String flags(TickersRecord r) {
        StringJoiner flags = new StringJoiner(",");
        if (Boolean.TRUE.equals(r.getIsSpac())) {
            flags.add("spac");
        }
        if (Boolean.TRUE.equals(r.getIsPreferred())) {
            flags.add("preferred");
        }
        if (Boolean.TRUE.equals(r.getDelisted())) {
            flags.add("delisted");
        }
        if (Boolean.TRUE.equals(r.getDisagreement())) {
            flags.add("disagreement");
        }
        return flags.toString();
    }
}
