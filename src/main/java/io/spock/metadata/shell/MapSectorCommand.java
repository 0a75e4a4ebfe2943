package io.spock.metadata.shell;

import io.spock.metadata.app.Positional;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.SectorResolver;
import io.spock.metadata.curate.FixResult;
import io.spock.metadata.curate.ManualFix;
import io.spock.metadata.curate.ManualFixes;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.ListingKey;
import io.spock.metadata.store.TickerLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** {@code map-sector}: the operator's spot fix, sticky against every later enrich. */
@Command
public class MapSectorCommand {

    private final ManualFixes fixes;
    private final ObjectProvider<SectorResolver> sectors;
    private final TickerLookup tickers;

    public MapSectorCommand(ManualFixes fixes, ObjectProvider<SectorResolver> sectors, TickerLookup tickers) {
        this.fixes = fixes;
        this.sectors = sectors;
        this.tickers = tickers;
    }

    @Command(command = "map-sector", group = CommandGroups.INSPECTION, description = "Set a ticker's sector by hand (source MANUAL, never overwritten by enrich), or --clear it.")
    @Examples({"map-sector AAPL 45", "map-sector AAPL \"Information Technology\" --reason \"checked the 10-K\"",
            "map-sector 00700 정보기술 --region HK", "map-sector 0700 信息技术 --region HK", "map-sector 7203 一般消費財・サービス",
            "map-sector AAPL --clear", "map-sector V Financials --dry-run"})
    public String mapSector(
            @Option(longNames = "ticker", required = true, description = "the ticker to fix")
            @OptionValues(provider = "tickerCompletion") @Positional(example = "AAPL") String ticker,
            @Option(longNames = "sector", description = "GICS code (45), a name or alias in any language (en, ko, zh-Hans, zh-Hant, ja, vi), or a Yahoo sector name")
            @OptionValues(provider = "sectorCompletion") @Positional(example = "45") String sector,
            @Option(longNames = "region", label = "REGION", description = "the region, when the ticker is listed in several")
            @OptionValues(provider = "regionCompletion") String region,
            @Option(longNames = "industry", description = "industry text to store with the fix") String industry,
            @Option(longNames = "reason", description = "why; kept in the history") String reason,
            @Option(longNames = "clear", description = "remove the manual fix; the ticker is due for the next enrich")
            boolean clear,
            @Option(longNames = "dry-run", description = "say what would change, write nothing") boolean dryRun) {
        ListingKey listing = TickerArguments.listing(ticker, region, tickers);
        Region where = listing.region();
        String symbol = listing.ticker();
        if (clear == (sector != null && !sector.isBlank())) {
            throw new UsageException(clear ? "--clear takes no sector" : "give a sector, or --clear");
        }
        GicsSector target = clear ? null : sectors.getObject().resolve(sector);
        FixResult result = fixes.apply(new ManualFix(where.name(), symbol, target,
                industry == null || industry.isBlank() ? null : industry.trim(), reason), dryRun);
        String prefix = (dryRun ? "dry run: " : "") + where + " " + symbol + ": ";
        if (!result.changed()) {
            return prefix + (clear ? "has no manual fix; nothing to clear" : "already " + result.after()
                    + "; nothing changed");
        }
        return prefix + result.before() + " -> " + result.after() + (dryRun ? " (not written)" : "");
    }
}
