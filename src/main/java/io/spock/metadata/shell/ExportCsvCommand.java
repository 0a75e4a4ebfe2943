package io.spock.metadata.shell;

import io.spock.metadata.app.Positional;
import io.spock.metadata.render.OutputFile;
import io.spock.metadata.universe.CsvUniverseExport;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/**
 * {@code export-csv}: the tickers the ticker filters select (every ticker of the regions, delisted ones included,
 * when none is given), as CSV for import-csv.
 */
@Command
public class ExportCsvCommand {

    private final CsvUniverseExport exporter;
    private final TickerFilterOptions filters;

    public ExportCsvCommand(CsvUniverseExport exporter, TickerFilterOptions filters) {
        this.exporter = exporter;
        this.filters = filters;
    }

    @Command(command = "export-csv", group = CommandGroups.UNIVERSE, description = "Write the tickers of some regions to a CSV file that import-csv reads back.")
    @WithTickerFilters
    public String exportCsv(
            @Option(longNames = "file", required = true, description = "the CSV file to write")
            @OptionValues(provider = "fileCompletion") @Positional(example = "/tmp/universe.csv") String file,
            @Option(longNames = "force", description = "overwrite the file") boolean force,
            @Option(longNames = "for-excel", description = "for spreadsheets: a UTF-8 byte-order mark, and cells that "
                    + "start like a formula (= + - @) prefixed with '") boolean forExcel,
            CommandContext context) {
        CsvUniverseExport.Export export = exporter.export(filters.read(context, null), forExcel);
        return OutputFile.write(file, export.csv(), force) + " (" + export.rows() + " tickers)";
    }
}
