package io.spock.metadata.universe;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Region;
import io.spock.metadata.app.SpockException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code import-csv}: adds and updates listings from a CSV file, in two passes over the file so that a file of any
 * size needs little memory: the first validates every row (and that no ticker comes twice) and writes nothing; the
 * second writes in batches inside one transaction, which a problem found there (a Yahoo symbol that belongs to
 * another listing) rolls back whole. A bad line means nothing is written.
 *
 * <ul>
 *   <li>Tickers are read in their market's canonical form: {@code SZS,858} is 000858 and {@code NYS,BRK.B} is BRK/B,
 *   the listings KIS already gave.</li>
 *   <li>Listing columns (exchange, names, security type, KIS code, Yahoo symbol, is_preferred, delisted) are taken
 *   when the header has them; a column the header lacks keeps the stored value.</li>
 *   <li>A row's classification (sector, industry, is_spac, source, confidence, status, last_enriched) is taken only
 *   when the row has a sector_code; sector names come from GICS, not from the file. A sector without a source is a
 *   manual fix. A stored manual fix is replaced only by a row whose source is MANUAL.</li>
 *   <li>A row without a sector leaves the stored classification alone; if its KIS code or security type changed
 *   the ticker becomes due for enrichment, as with master files (manual fixes excepted).</li>
 *   <li>Rows that change nothing are not written, so exporting and importing again changes nothing.</li>
 * </ul>
 */
public final class CsvUniverseImport {

    private final DSLContext dsl;
    private final Supplier<GicsTaxonomy> gics;
    private final Clock clock;

    public CsvUniverseImport(DSLContext dsl, Supplier<GicsTaxonomy> gics, Clock clock) {
        this.dsl = dsl;
        this.gics = gics;
        this.clock = clock;
    }

    /**
     * @param only when not null, rows of other regions are validated but skipped
     * @throws io.spock.metadata.app.UsageException naming the file and line of the first problem; nothing written
     */
    public CsvImportResult importFile(Path file, Region only) {
        CsvUniverseReader reader = new CsvUniverseReader(gics.get());
        int rowCount = validate(reader, file);
        String reason = "import-csv " + file.getFileName();
        LocalDateTime now = LocalDateTime.now(clock);
        return dsl.transactionResult(tx -> unwrapped(() -> tx.dsl().connectionResult(connection -> {
            int skipped = 0;
            try (CsvUniverseReader.Rows content = reader.open(file);
                 CsvBatchWriter writer = new CsvBatchWriter(tx.dsl(), connection, file, content.columns(), reason,
                         now)) {
                for (Iterator<CsvTicker> rows = content.iterator(); rows.hasNext(); ) {
                    CsvTicker row = rows.next();
                    if (only == null || row.exchange().region() == only) {
                        writer.add(row);
                    } else {
                        skipped++;
                    }
                }
                writer.flush();
                return new CsvImportResult(file.toString(), rowCount, writer.added(), writer.updated(),
                        writer.unchanged(), skipped, writer.keptManual());
            }
        })));
    }

    /** jOOQ wraps what a connection callback throws: a problem found in the file is still one line, exit 2. */
    private static <T> T unwrapped(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SpockException problem) {
                throw problem;
            }
            throw e;
        }
    }

    /** The first pass: every row valid, no ticker twice. Returns the number of rows. */
    private static int validate(CsvUniverseReader reader, Path file) {
        Set<String> tickers = new HashSet<>();
        int[] rows = {0};
        try (CsvUniverseReader.Rows content = reader.open(file)) {
            content.forEach(row -> {
                if (!tickers.add(row.region() + " " + row.ticker())) {
                    throw CsvUniverseReader.problem(file, row.line(), "ticker " + row.ticker() + " of " + row.region()
                            + " appears twice");
                }
                rows[0]++;
            });
        }
        return rows[0];
    }
}
