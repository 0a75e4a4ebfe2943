package io.spock.metadata.shell;

import io.spock.metadata.app.Positional;
import io.spock.metadata.market.Markets;
import io.spock.metadata.render.OutputFile;
import io.spock.metadata.universe.CsvUniverseExport;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** {@code export-csv}: every ticker of the chosen regions, delisted ones included, as CSV for import-csv. */
@Command
public class ExportCsvCommand {

    private final CsvUniverseExport exporter;

    public ExportCsvCommand(CsvUniverseExport exporter) {
        this.exporter = exporter;
    }

    @Command(command = "export-csv", group = CommandGroups.UNIVERSE, description = "Write the tickers of some regions to a CSV file that import-csv reads back.")
    public String exportCsv(
            @Option(longNames = "file", required = true, description = "the CSV file to write")
            @OptionValues(provider = "fileCompletion") @Positional(example = "/tmp/universe.csv") String file,
            @Option(longNames = "regions", defaultValue = "ALL", label = "LIST", description = "US,CN,HK,JP,VN or ALL")
            @OptionValues(provider = "regionCompletion") String regions,
            @Option(longNames = "force", description = "overwrite the file") boolean force,
            @Option(longNames = "for-excel", description = "for spreadsheets: a UTF-8 byte-order mark, and cells that "
                    + "start like a formula (= + - @) prefixed with '") boolean forExcel) {
        CsvUniverseExport.Export export = exporter.export(Markets.parseRegions(regions), forExcel);
        return OutputFile.write(file, export.csv(), force) + " (" + export.rows() + " tickers)";
    }
}
