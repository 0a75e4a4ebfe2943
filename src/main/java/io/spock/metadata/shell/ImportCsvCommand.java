package io.spock.metadata.shell;

import io.spock.metadata.app.Positional;
import io.spock.metadata.market.Region;
import io.spock.metadata.market.UnknownRegionException;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.universe.CsvImportResult;
import io.spock.metadata.universe.CsvUniverseImport;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.nio.file.Path;

/** {@code import-csv}: add and update listings from a CSV file in the export layout. */
@Command
public class ImportCsvCommand {

    private final CsvUniverseImport importer;
    private final ScreenWidth screen;

    public ImportCsvCommand(CsvUniverseImport importer, ScreenWidth screen) {
        this.importer = importer;
        this.screen = screen;
    }

    @Command(command = "import-csv", group = CommandGroups.UNIVERSE, description = "Add and update tickers from a CSV file (the export-csv layout); manual fixes are kept.")
    public String importCsv(
            @Option(longNames = "file", required = true, description = "the CSV file")
            @OptionValues(provider = "fileCompletion") @Positional(example = "universe.csv") String file,
            @Option(longNames = "region", label = "REGION", description = "only the rows of this region")
            @OptionValues(provider = "regionCompletion") String region,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format) {
        OutputFormat output = OutputFormat.parse(format);
        Region only = region == null ? null : Region.parse(region).orElseThrow(() -> new UnknownRegionException(region));
        CsvImportResult r = importer.importFile(Path.of(file), only);
        TableView view = TableView.builder("file", "rows", "added", "updated", "unchanged", "skipped", "kept_manual")
                .row(r.file(), r.rows(), r.added(), r.updated(), r.unchanged(), r.skipped(), r.keptManual())
                .build();
        return Renderer.render(view, output, screen.columns());
    }
}
