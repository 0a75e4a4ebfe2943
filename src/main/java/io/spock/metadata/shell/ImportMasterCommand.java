package io.spock.metadata.shell;

import io.spock.metadata.app.ErrorReporter;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.universe.MarketImport;
import io.spock.metadata.universe.MasterImportOutcome;
import io.spock.metadata.universe.MasterImportService;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code import-master}: bring the universe up to date with KIS's master files, downloaded or local. */
@Command
public class ImportMasterCommand {

    private final MasterImportService service;
    private final ErrorReporter errors;
    private final ScreenWidth screen;

    public ImportMasterCommand(MasterImportService service, ErrorReporter errors, ScreenWidth screen) {
        this.service = service;
        this.errors = errors;
        this.screen = screen;
    }

    @Command(command = "import-master", group = CommandGroups.UNIVERSE, description = "Import KIS master files (downloaded, or --file): add, update and delist listings.")
    public String importMaster(
            @Option(longNames = "markets", description = "nas,nys,ams,shs,szs,hks,tse,hsx,hnx or ALL (the default)")
            @OptionValues(provider = "marketCompletion") String markets,
            @OptionValues(provider = "fileCompletion")
            @Option(longNames = "file", arity = OptionArity.ONE_OR_MORE,
                    description = "local nasmst.cod.zip or NASMST.COD files instead of downloading") String[] files,
            @Option(longNames = "dry-run", description = "count what would change, write nothing") boolean dryRun,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format) {
        OutputFormat output = OutputFormat.parse(format);
        List<MasterImportOutcome> outcomes;
        if (files != null && files.length > 0) {
            List<Exchange> only = markets == null ? null : MasterImportService.parseMarkets(markets);
            outcomes = service.files(Arrays.stream(files).map(Path::of).toList(), only, dryRun);
        } else if (files != null) {
            throw new UsageException("--file needs at least one path");
        } else {
            outcomes = service.download(MasterImportService.parseMarkets(markets), dryRun);
        }
        outcomes.stream().filter(o -> !o.succeeded()).forEach(o -> errors.report(o.failure()));
        return render(outcomes, dryRun, output, screen.columns());
    }

    private static String render(List<MasterImportOutcome> outcomes, boolean dryRun, OutputFormat format, int width) {
        TableView.Builder view = TableView.builder("market", "stocks", "products", "added", "updated", "unchanged",
                "delisted", "skipped", "malformed", "result", "source");
        for (MasterImportOutcome o : outcomes) {
            MarketImport r = o.result();
            if (r == null) {
                view.row(o.market(), null, null, null, null, null, null, null, null, "failed", o.source());
            } else {
                view.row(r.market(), r.stocks(), r.products(), r.added(), r.updated(), r.unchanged(), r.delisted(),
                        r.skipped(), r.malformed(), dryRun ? "dry run" : "imported", r.source());
            }
        }
        String table = Renderer.render(view.build(), format, width);
        if (format != OutputFormat.TABLE) {
            return table;
        }
        long imported = outcomes.stream().filter(MasterImportOutcome::succeeded).count();
        return table + "\n\n" + (dryRun ? "dry run, nothing written: " : "") + imported + " of " + outcomes.size()
                + " files imported";
    }
}
