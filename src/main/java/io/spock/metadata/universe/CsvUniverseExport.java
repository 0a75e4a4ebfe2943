package io.spock.metadata.universe;

import io.spock.metadata.store.TickerFilter;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Writes the tickers a filter selects as CSV in the {@link CsvColumns} layout: by default exactly what
 * {@code import-csv} reads back; for spreadsheets, with a UTF-8 byte-order mark (so that Korean Excel shows Korean
 * names) and every cell that a spreadsheet would take for a formula neutralised ({@link SpreadsheetCells}).
 */
public final class CsvUniverseExport {

    private final DSLContext dsl;

    /** The CSV text and how many tickers it holds. */
    public record Export(String csv, int rows) {
    }

    public CsvUniverseExport(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The default form, byte for byte what import-csv reads back. */
    public Export export(TickerFilter filter) {
        return export(filter, false);
    }

    /**
     * The tickers a filter selects (delisted ones too unless it says otherwise), by region and ticker.
     *
     * @param forExcel add the byte-order mark and neutralise formula-like cells
     */
    public Export export(TickerFilter filter, boolean forExcel) {
        StringWriter text = new StringWriter();
        if (forExcel) {
            text.write('\uFEFF');
        }
        int rows = 0;
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader(CsvColumns.ALL.toArray(String[]::new)).get().print(text)) {
            for (TickersRecord r : dsl.selectFrom(TICKERS)
                    .where(filter.condition())
                    .orderBy(TICKERS.REGION, TICKERS.TICKER)
                    .fetch()) {
                Stream<Object> cells = Stream.of(r.getRegion(), r.getExchange(), r.getTicker(), r.getNameEn(),
                        r.getNameKo(), r.getSecurityType(), r.getKisCode(), r.getYahooSymbol(), r.getSectorCode(),
                        r.getSectorEn(), r.getSectorKo(), r.getIndustry(), r.getIsSpac(), r.getIsPreferred(),
                        r.getSource(), r.getConfidence(), r.getStatus(), CsvColumns.format(r.getLastEnriched()),
                        r.getDelisted());
                printer.printRecord(forExcel
                        ? cells.map(c -> c instanceof String cell ? SpreadsheetCells.neutralised(cell) : c) : cells);
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(text.toString(), rows);
    }
}
