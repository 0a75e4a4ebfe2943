package io.spock.metadata.universe;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * {@code import-csv}: adds and updates listings from a CSV file, all in one transaction after the whole file has
 * been validated.
 *
 * <ul>
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

    /** @param only when not null, rows of other regions are skipped */
    public CsvImportResult importFile(Path file, Region only) {
        CsvUniverseReader.Content content = new CsvUniverseReader(gics.get()).read(file);
        List<CsvTicker> rows = content.rows().stream()
                .filter(row -> only == null || row.exchange().region() == only).toList();
        String reason = "import-csv " + file.getFileName();
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<String, TickersRecord> stored = new HashMap<>();
            db.selectFrom(TICKERS)
                    .where(TICKERS.REGION.in(rows.stream().map(CsvTicker::region).distinct().toList()))
                    .forEach(r -> stored.put(r.getRegion() + " " + r.getTicker(), r));
            LocalDateTime now = LocalDateTime.now(clock);
            List<TickersRecord> inserts = new ArrayList<>();
            List<TickersRecord> updates = new ArrayList<>();
            List<ClassificationHistoryRecord> history = new ArrayList<>();
            int keptManual = 0;
            for (CsvTicker row : rows) {
                TickersRecord before = stored.get(row.region() + " " + row.ticker());
                if (before == null) {
                    inserts.add(newRow(db, row, content.columns(), now));
                    continue;
                }
                Changes changes = new Changes(before);
                applyListing(changes, row, content.columns());
                boolean manualKept = row.classified() && isManual(before) && row.sourceOrManual() != Source.MANUAL;
                if (manualKept) {
                    keptManual++;
                } else if (row.classified()) {
                    applyClassification(changes, row, content.columns());
                } else if (!isManual(before) && (changed(before, TICKERS.KIS_CODE)
                        || changed(before, TICKERS.SECURITY_TYPE))) {
                    changes.set(TICKERS.STATUS, TickerStatus.PENDING.name());
                }
                if (changes.any()) {
                    if (changed(before, TICKERS.SECTOR_CODE) || changed(before, TICKERS.INDUSTRY)) {
                        history.add(historyRow(db, before, reason, now));
                    }
                    before.setUpdatedAt(now);
                    updates.add(before);
                }
            }
            db.batchInsert(inserts).execute();
            db.batchUpdate(updates).execute();
            db.batchInsert(history).execute();
            return new CsvImportResult(file.toString(), content.rows().size(), inserts.size(), updates.size(),
                    rows.size() - inserts.size() - updates.size(), content.rows().size() - rows.size(), keptManual);
        });
    }

    private static boolean changed(TickersRecord row, Field<?> field) {
        return !Objects.equals(row.original(field), row.get(field));
    }

    private static boolean isManual(TickersRecord row) {
        return Source.MANUAL.name().equals(row.getSource());
    }

    private static TickersRecord newRow(DSLContext db, CsvTicker row, Set<String> columns, LocalDateTime now) {
        TickersRecord record = db.newRecord(TICKERS);
        record.setRegion(row.region()).setTicker(row.ticker()).setCreatedAt(now).setUpdatedAt(now)
                .setIsSpac(false).setIsPreferred(false).setDelisted(false);
        Changes changes = new Changes(record);
        applyListing(changes, row, columns);
        if (row.classified()) {
            applyClassification(changes, row, columns);
        } else {
            boolean stock = row.securityType().isStock();
            TickerStatus fallback = stock ? TickerStatus.PENDING : TickerStatus.NOT_APPLICABLE;
            changes.set(TICKERS.STATUS, (row.status() != null ? row.status() : fallback).name());
            changes.set(TICKERS.LAST_ENRICHED, row.lastEnriched());
        }
        return record;
    }

    private static void applyListing(Changes changes, CsvTicker row, Set<String> columns) {
        changes.set(TICKERS.EXCHANGE, row.exchange().code());
        changes.setIf(columns, CsvColumns.NAME_EN, TICKERS.NAME_EN, row.nameEn());
        changes.setIf(columns, CsvColumns.NAME_KO, TICKERS.NAME_KO, row.nameKo());
        changes.setIf(columns, CsvColumns.SECURITY_TYPE, TICKERS.SECURITY_TYPE, row.securityType().name());
        changes.setIf(columns, CsvColumns.KIS_CODE, TICKERS.KIS_CODE, row.kisCode());
        changes.set(TICKERS.YAHOO_SYMBOL, row.yahooSymbolOrDerived());
        if (row.preferred() != null) {
            changes.set(TICKERS.IS_PREFERRED, row.preferred());
        }
        if (row.delisted() != null) {
            changes.set(TICKERS.DELISTED, row.delisted());
        }
    }

    private static void applyClassification(Changes changes, CsvTicker row, Set<String> columns) {
        Source source = row.sourceOrManual();
        changes.set(TICKERS.SECTOR_CODE, row.sector().code());
        changes.set(TICKERS.SECTOR_EN, row.sector().nameEn());
        changes.set(TICKERS.SECTOR_KO, row.sector().nameKo());
        changes.setIf(columns, CsvColumns.INDUSTRY, TICKERS.INDUSTRY, row.industry());
        if (row.spac() != null) {
            changes.set(TICKERS.IS_SPAC, row.spac());
        }
        changes.set(TICKERS.SOURCE, source.name());
        changes.set(TICKERS.CONFIDENCE, row.confidence() != null ? row.confidence()
                : source == Source.MANUAL ? Confidence.HIGH.name() : null);
        changes.set(TICKERS.STATUS, (row.status() != null ? row.status() : TickerStatus.CLASSIFIED).name());
        changes.setIf(columns, CsvColumns.LAST_ENRICHED, TICKERS.LAST_ENRICHED, row.lastEnriched());
    }

    private static ClassificationHistoryRecord historyRow(DSLContext db, TickersRecord row, String reason,
                                                         LocalDateTime now) {
        ClassificationHistoryRecord history = db.newRecord(CLASSIFICATION_HISTORY);
        history.setRegion(row.getRegion());
        history.setTicker(row.getTicker());
        history.setChangedAt(now);
        history.setSource(row.getSource() == null ? Source.MANUAL.name() : row.getSource());
        history.setOldSectorCode(row.original(TICKERS.SECTOR_CODE));
        history.setNewSectorCode(row.getSectorCode());
        history.setOldIndustry(row.original(TICKERS.INDUSTRY));
        history.setNewIndustry(row.getIndustry());
        history.setOldSource(row.original(TICKERS.SOURCE));
        history.setReason(reason);
        return history;
    }

    /**
     * Sets fields of a record only where the value differs, treating blank text as null, so that a row that
     * matches the store marks nothing changed.
     */
    private static final class Changes {

        private final TickersRecord record;
        private boolean any;

        Changes(TickersRecord record) {
            this.record = record;
        }

        <T> void set(Field<T> field, T value) {
            if (!same(record.get(field), value)) {
                record.set(field, value);
                any = true;
            }
        }

        <T> void setIf(Set<String> columns, String column, Field<T> field, T value) {
            if (columns.contains(column)) {
                set(field, value);
            }
        }

        boolean any() {
            return any;
        }

        private static boolean same(Object stored, Object value) {
            return Objects.equals(blankToNull(stored), blankToNull(value));
        }

        private static Object blankToNull(Object value) {
            return value instanceof String text && text.isBlank() ? null : value;
        }
    }
}
