package io.spock.metadata.shell;

import io.spock.metadata.app.Positional;
import io.spock.metadata.classify.DisplayLanguage;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.SectorNames;
import io.spock.metadata.enrich.EnrichmentService;
import io.spock.metadata.enrich.EvidenceQuery;
import io.spock.metadata.enrich.Outcome;
import io.spock.metadata.market.Region;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.source.Answer;
import io.spock.metadata.store.ListingKey;
import io.spock.metadata.store.TickerDetails;
import io.spock.metadata.store.TickerLookup;
import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code inspect-ticker}: everything known about one stock: its row, every source's answer side by side (the one
 * that decided marked), its history; with {@code --live} what each source says now.
 */
@Command
public class InspectTickerCommand {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TickerDetails details;
    private final TickerLookup tickers;
    private final ObjectProvider<KisSectorMapping> kis;
    private final ObjectProvider<EvidenceQuery> evidence;
    private final ObjectProvider<EnrichmentService> enrichment;
    private final ScreenWidth screen;
    private final LangOption langs;

    public InspectTickerCommand(TickerDetails details, TickerLookup tickers, ObjectProvider<KisSectorMapping> kis,
                                ObjectProvider<EvidenceQuery> evidence,
                                ObjectProvider<EnrichmentService> enrichment, ScreenWidth screen, LangOption langs) {
        this.details = details;
        this.tickers = tickers;
        this.kis = kis;
        this.evidence = evidence;
        this.enrichment = enrichment;
        this.screen = screen;
        this.langs = langs;
    }

    @Command(command = "inspect-ticker", group = CommandGroups.INSPECTION,
            description = "Everything known about one stock, every source's answer; --live also asks each source now, writing nothing.")
    @Examples({"inspect-ticker AAPL", "inspect-ticker 00700 --region HK", "inspect-ticker MSFT --live",
            "inspect-ticker AAPL --format json", "inspect-ticker 7203 --lang ja"})
    public String inspect(
            @Option(longNames = "ticker", required = true, description = "the ticker")
            @OptionValues(provider = "tickerCompletion") @Positional(example = "AAPL") String ticker,
            @Option(longNames = "region", label = "REGION", description = "the region, when the ticker is listed in several")
            @OptionValues(provider = "regionCompletion") String region,
            @Option(longNames = "live", description = "ask every source now (writes nothing)") boolean live,
            @Option(longNames = "format", defaultValue = "table", description = "table or json")
            @OptionValues(provider = "formatCompletion") String format,
            @Option(longNames = LangOption.NAME, label = LangOption.LABEL, description = LangOption.DESCRIPTION)
            @OptionValues(provider = "langCompletion") String lang) {
        OutputFormat output = OutputFormat.parse(format);
        SectorNames names = langs.read(lang);
        ListingKey listing = TickerArguments.listing(ticker, region, tickers);
        TickersRecord row = details.row(listing.region().name(), listing.ticker()).orElseThrow();
        boolean json = output == OutputFormat.JSON;
        SectorNames shown = names.labels(!json);
        // the table has rows of its own for English and Korean names
        boolean nameField = json ? names.nameColumn(false)
                : names.language() != DisplayLanguage.EN && names.language() != DisplayLanguage.KO;
        Map<String, Object> fields = fields(row, shown, nameField ? names : null);
        Region where = listing.region();
        String symbol = listing.ticker();
        TableView answers = evidenceView(evidence.getObject().of(where.name(), symbol), row.getSource(), shown,
                names.nameColumn(!json) ? names : null);
        TableView history = historyView(details.history(where.name(), symbol));
        Map<String, Object> liveAnswers = live ? liveAnswers(where, symbol, shown) : Map.of();
        if (json) {
            Map<String, Object> record = new LinkedHashMap<>(fields);
            record.put("evidence", Renderer.records(answers));
            record.put("history", Renderer.records(history));
            if (live) {
                record.put("live", liveAnswers);
            }
            return Renderer.json(record);
        }
        TableView.Builder facts = TableView.builder("field", "value");
        fields.forEach((k, v) -> facts.row(k, v == null ? "-" : v));
        liveAnswers.forEach(facts::row);
        int width = screen.columns();
        StringBuilder text = new StringBuilder(Renderer.render(facts.build(), output, width));
        text.append("\n\n").append(answers.rows().isEmpty() ? "no source has answered yet"
                : "sources (* decided)\n" + Renderer.render(answers, output, width));
        text.append("\n\n").append(history.rows().isEmpty() ? "no classification history"
                : Renderer.render(history, output, width));
        return text.toString();
    }

    /** @param sectorName the names of a {@code sector_name} field after {@code sector_ko}, or null for none */
    private Map<String, Object> fields(TickersRecord row, SectorNames shown, SectorNames sectorName) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("region", row.getRegion());
        f.put("ticker", row.getTicker());
        f.put("exchange", row.getExchange());
        f.put("name_en", row.getNameEn());
        f.put("name_ko", row.getNameKo());
        f.put("security_type", row.getSecurityType());
        f.put("yahoo_symbol", row.getYahooSymbol());
        f.put("kis_code", row.getKisCode());
        f.put("kis_maps_to", kis.getObject().lookup(row.getKisCode())
                .map(m -> shown.label(m.sector().code()) + " (" + m.confidence().name().toLowerCase()
                        + ")").orElse(KisSectorMapping.isUnclassified(row.getKisCode()) ? "unclassified (000)"
                        : "not in the mapping file"));
        f.put("sector_code", row.getSectorCode());
        f.put("sector_en", row.getSectorEn());
        f.put("sector_ko", row.getSectorKo());
        if (sectorName != null) {
            f.put("sector_name", sectorName.name(row.getSectorCode()));
        }
        f.put("industry", row.getIndustry());
        f.put("spac", row.getIsSpac());
        f.put("preferred", row.getIsPreferred());
        f.put("source", row.getSource());
        f.put("confidence", row.getConfidence());
        f.put("disagreement", row.getDisagreement());
        f.put("status", row.getStatus());
        f.put("last_enriched", row.getLastEnriched());
        f.put("last_error", row.getLastError());
        f.put("delisted", row.getDelisted());
        return f;
    }

    /**
     * Every source's kept answer, one row each; the one that decided the stored sector is marked.
     *
     * @param sectorName the names of a last {@code sector_name} column, or null for none
     */
    private static TableView evidenceView(List<Answer> answers, String decidedBy, SectorNames shown,
                                          SectorNames sectorName) {
        List<String> columns = new ArrayList<>(List.of("decided", "source", "answer", "sector", "confidence",
                "raw_code", "raw_label", "industry", "detail", "observed_at"));
        if (sectorName != null) {
            columns.add("sector_name");
        }
        TableView.Builder view = TableView.builder(columns.toArray(String[]::new));
        for (Answer a : answers) {
            List<Object> row = new ArrayList<>(List.of(a.source().name().equals(decidedBy) ? "*" : "",
                    a.source().name(), a.verdict().name(), a.hasSector() ? shown.label(a.sector().code()) : "-",
                    a.hasSector() ? a.confidence().name().toLowerCase() : "-", dash(a.rawCode()), dash(a.rawLabel()),
                    dash(a.industry()), dash(a.detail()),
                    ZonedDateTime.ofInstant(a.observedAt(), ZoneId.systemDefault()).format(SECONDS)));
            if (sectorName != null) {
                row.add(a.hasSector() ? sectorName.name(a.sector().code()) : null);
            }
            view.row(row.toArray());
        }
        return view.build();
    }

    private Map<String, Object> liveAnswers(Region region, String symbol, SectorNames shown) {
        Map<String, Object> live = new LinkedHashMap<>();
        Outcome outcome = enrichment.getObject().askNow(region, symbol).orElseThrow();
        for (Answer a : outcome.answers()) {
            live.put("live_" + a.source().key(), a.hasSector()
                    ? shown.label(a.sector().code()) + " (" + a.confidence().name().toLowerCase() + ")"
                    : a.verdict() + ": " + (a.reason() == null ? "-" : a.reason()));
        }
        live.put("live_result", outcome.sector() == null ? outcome.status().name()
                : shown.label(outcome.sector().code()) + " from " + outcome.source()
                + (outcome.industry() == null ? "" : ", industry " + outcome.industry())
                + (outcome.disagreement() ? " (sources disagree)" : ""));
        return live;
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    private static TableView historyView(List<ClassificationHistoryRecord> history) {
        TableView.Builder view = TableView.builder("changed_at", "source", "before", "after", "industry", "reason");
        for (ClassificationHistoryRecord h : history) {
            view.row(h.getChangedAt(), h.getSource(), h.getOldSectorCode() == null ? "-" : h.getOldSectorCode(),
                    h.getNewSectorCode() == null ? "-" : h.getNewSectorCode(),
                    h.getNewIndustry() == null ? "" : h.getNewIndustry(), h.getReason());
        }
        return view.build();
    }
}
