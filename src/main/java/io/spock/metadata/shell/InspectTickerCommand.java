package io.spock.metadata.shell;

import io.spock.metadata.app.Positional;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.KisSectorMatch;
import io.spock.metadata.enrich.Candidate;
import io.spock.metadata.enrich.Classifier;
import io.spock.metadata.enrich.Outcome;
import io.spock.metadata.market.Region;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.store.TickerDetails;
import io.spock.metadata.store.TickerLookup;
import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.yahoo.ProfileResult;
import io.spock.metadata.yahoo.YahooProfileService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code inspect-ticker}: everything known about one stock, and with {@code --live} what each source says now. */
@Command
public class InspectTickerCommand {

    private final TickerDetails details;
    private final TickerLookup tickers;
    private final ObjectProvider<KisSectorMapping> kis;
    private final ObjectProvider<Classifier> classifier;
    private final ObjectProvider<YahooProfileService> yahoo;
    private final ScreenWidth screen;

    public InspectTickerCommand(TickerDetails details, TickerLookup tickers, ObjectProvider<KisSectorMapping> kis,
                                ObjectProvider<Classifier> classifier, ObjectProvider<YahooProfileService> yahoo,
                                ScreenWidth screen) {
        this.details = details;
        this.tickers = tickers;
        this.kis = kis;
        this.classifier = classifier;
        this.yahoo = yahoo;
        this.screen = screen;
    }

    @Command(command = "inspect-ticker", group = CommandGroups.INSPECTION, description = "Everything known about one stock; --live also asks each source now, writing nothing.")
    @Examples({"inspect-ticker AAPL", "inspect-ticker 00700 --region HK", "inspect-ticker MSFT --live",
            "inspect-ticker AAPL --format json"})
    public String inspect(
            @Option(longNames = "ticker", required = true, description = "the ticker")
            @OptionValues(provider = "tickerCompletion") @Positional(example = "AAPL") String ticker,
            @Option(longNames = "region", label = "REGION", description = "the region, when the ticker is listed in several")
            @OptionValues(provider = "regionCompletion") String region,
            @Option(longNames = "live", description = "ask the KIS map and Yahoo now (writes nothing)") boolean live,
            @Option(longNames = "format", defaultValue = "table", description = "table or json")
            @OptionValues(provider = "formatCompletion") String format) {
        OutputFormat output = OutputFormat.parse(format);
        String symbol = TickerArguments.normalise(ticker);
        Region where = TickerArguments.regionOf(symbol, region, tickers);
        TickersRecord row = details.row(where.name(), symbol).orElseThrow();
        Map<String, Object> fields = fields(row);
        TableView history = historyView(details.history(where.name(), symbol));
        Map<String, Object> liveAnswers = live ? liveAnswers(row) : Map.of();
        if (output == OutputFormat.JSON) {
            Map<String, Object> json = new LinkedHashMap<>(fields);
            json.put("history", Renderer.records(history));
            if (live) {
                json.put("live", liveAnswers);
            }
            return Renderer.json(json);
        }
        TableView.Builder facts = TableView.builder("field", "value");
        fields.forEach((k, v) -> facts.row(k, v == null ? "-" : v));
        liveAnswers.forEach((k, v) -> facts.row(k, v));
        String text = Renderer.render(facts.build(), output, screen.columns());
        return history.rows().isEmpty() ? text + "\n\nno classification history"
                : text + "\n\n" + Renderer.render(history, output, screen.columns());
    }

    private Map<String, Object> fields(TickersRecord row) {
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
                .map(m -> m.sector().code() + " " + m.sector().nameEn() + " (" + m.confidence().name().toLowerCase()
                        + ")").orElse(KisSectorMapping.isUnclassified(row.getKisCode()) ? "unclassified (000)"
                        : "not in the mapping file"));
        f.put("sector_code", row.getSectorCode());
        f.put("sector_en", row.getSectorEn());
        f.put("sector_ko", row.getSectorKo());
        f.put("industry", row.getIndustry());
        f.put("spac", row.getIsSpac());
        f.put("preferred", row.getIsPreferred());
        f.put("source", row.getSource());
        f.put("confidence", row.getConfidence());
        f.put("status", row.getStatus());
        f.put("last_enriched", row.getLastEnriched());
        f.put("last_error", row.getLastError());
        f.put("delisted", row.getDelisted());
        return f;
    }

    private Map<String, Object> liveAnswers(TickersRecord row) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Optional<KisSectorMatch> kisAnswer = kis.getObject().lookup(row.getKisCode());
        answers.put("live_kis", kisAnswer.map(m -> m.sector().code() + " " + m.sector().nameEn() + " ("
                + m.confidence().name().toLowerCase() + ")").orElse("no answer (code " + row.getKisCode() + ")"));
        ProfileResult answer = yahoo.getObject().lookup(row.getYahooSymbol());
        answers.put("live_yahoo", answer.kind() + ": " + answer.reason());
        Outcome combined = classifier.getObject().withYahoo(candidate(row), answer);
        answers.put("live_result", combined.sector() == null ? combined.status().name()
                : combined.sector().code() + " " + combined.sector().nameEn() + " from " + combined.source()
                + (combined.industry() == null ? "" : ", industry " + combined.industry()));
        return answers;
    }

    private static Candidate candidate(TickersRecord row) {
        return new Candidate(row.getRegion(), row.getTicker(), row.getExchange(), row.getNameEn(), row.getNameKo(),
                row.getKisCode(), row.getYahooSymbol(), row.getSectorCode(), row.getIndustry(), row.getSource(),
                row.getIsSpac(), row.getIsPreferred());
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
