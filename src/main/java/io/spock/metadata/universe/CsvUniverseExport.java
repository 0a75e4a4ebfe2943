package io.spock.metadata.universe;

import io.spock.metadata.store.TickerFilter;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Writes the tickers a filter selects as CSV in the {@link CsvColumns} layout. */
public final class CsvUniverseExport {

    private final DSLContext dsl;

    /** The CSV text and how many tickers it holds. */
    public record Export(String csv, int rows) {
    }

    public CsvUniverseExport(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The tickers a filter selects (delisted ones too unless it says otherwise), by region and ticker. */
    public Export export(TickerFilter filter) {
        StringWriter text = new StringWriter();
        int rows = 0;
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader(CsvColumns.ALL.toArray(String[]::new)).get().print(text)) {
            for (TickersRecord r : dsl.selectFrom(TICKERS)
                    .where(filter.condition())
                    .orderBy(TICKERS.REGION, TICKERS.TICKER)
                    .fetch()) {
                printer.printRecord(r.getRegion(), r.getExchange(), r.getTicker(), r.getNameEn(), r.getNameKo(),
                        r.getSecurityType(), r.getKisCode(), r.getYahooSymbol(), r.getSectorCode(), r.getSectorEn(),
                        r.getSectorKo(), r.getIndustry(), r.getIsSpac(), r.getIsPreferred(), r.getSource(),
                        r.getConfidence(), r.getStatus(), CsvColumns.format(r.getLastEnriched()), r.getDelisted());
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(text.toString(), rows);
    }
}
