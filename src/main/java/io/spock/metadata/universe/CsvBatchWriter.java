package io.spock.metadata.universe;

import io.spock.metadata.store.PreparedBatch;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.universe.CsvRowMerge.Changes;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Writes validated CSV rows in batches of {@value #BATCH}, inside the caller's transaction: each batch reads the
 * stored rows it touches, merges ({@link CsvRowMerge}), checks that no Yahoo symbol would belong to two listed tickers
 * of a market, and writes. Memory is one batch, whatever the file's size. Rows are written through plain JDBC batches
 * of whole rows ({@link PreparedBatch}): rendering a statement per changed record cost more than the database work.
 */
final class CsvBatchWriter implements AutoCloseable {

    static final int BATCH = 500;

    /** The columns an update writes, the CSV layout's own, then the key of its WHERE clause. */
    private static final List<Field<?>> UPDATED = List.of(TICKERS.EXCHANGE, TICKERS.NAME_EN, TICKERS.NAME_KO,
            TICKERS.SECURITY_TYPE, TICKERS.KIS_CODE, TICKERS.YAHOO_SYMBOL, TICKERS.SECTOR_CODE, TICKERS.SECTOR_EN,
            TICKERS.SECTOR_KO, TICKERS.INDUSTRY, TICKERS.IS_SPAC, TICKERS.IS_PREFERRED, TICKERS.SOURCE,
            TICKERS.CONFIDENCE, TICKERS.STATUS, TICKERS.LAST_ENRICHED, TICKERS.DELISTED, TICKERS.UPDATED_AT);
    /** The columns an insert writes, in the order of its placeholders; the others take their defaults. */
    private static final List<Field<?>> INSERTED = Stream.concat(Stream.of(TICKERS.REGION, TICKERS.TICKER,
            TICKERS.CREATED_AT), UPDATED.stream()).toList();
    /** The columns of a history row ({@link CsvRowMerge#historyRow}); an import belongs to no run. */
    private static final List<Field<?>> HISTORY = List.of(CLASSIFICATION_HISTORY.REGION, CLASSIFICATION_HISTORY.TICKER,
            CLASSIFICATION_HISTORY.CHANGED_AT, CLASSIFICATION_HISTORY.SOURCE, CLASSIFICATION_HISTORY.OLD_SECTOR_CODE,
            CLASSIFICATION_HISTORY.NEW_SECTOR_CODE, CLASSIFICATION_HISTORY.OLD_INDUSTRY,
            CLASSIFICATION_HISTORY.NEW_INDUSTRY, CLASSIFICATION_HISTORY.OLD_SOURCE, CLASSIFICATION_HISTORY.REASON);

    private final DSLContext db;
    private final PreparedBatch insertBatch;
    private final PreparedBatch updateBatch;
    private final PreparedBatch historyBatch;
    private final Path file;
    private final Set<String> columns;
    private final String reason;
    private final LocalDateTime now;
    private final List<CsvTicker> pending = new ArrayList<>();
    private int added;
    private int updated;
    private int unchanged;
    private int keptManual;

    /** One row merged with what is stored; {@code claims} when it brings a Yahoo symbol new to its ticker. */
    private record Merged(CsvTicker row, TickersRecord record, boolean claims) {

        String symbolKey() {
            return row.region() + " " + record.getYahooSymbol();
        }
    }

    CsvBatchWriter(DSLContext db, Connection connection, Path file, Set<String> columns, String reason,
                   LocalDateTime now) throws SQLException {
        this.db = db;
        this.insertBatch = new PreparedBatch(connection, PreparedBatch.Sql.of(db, db.insertInto(TICKERS)
                .columns(INSERTED).values(placeholders(INSERTED)), INSERTED.toArray(Field[]::new)));
        this.updateBatch = new PreparedBatch(connection, PreparedBatch.Sql.of(db, db.update(TICKERS)
                .set((Map<?, ?>) UPDATED.stream().collect(Collectors.toMap(f -> f, f -> DSL.val(null, f),
                        (a, b) -> a, LinkedHashMap::new)))
                .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null)),
                Stream.concat(UPDATED.stream(), Stream.of(TICKERS.REGION, TICKERS.TICKER)).toArray(Field[]::new)));
        this.historyBatch = new PreparedBatch(connection, PreparedBatch.Sql.of(db,
                db.insertInto(CLASSIFICATION_HISTORY).columns(HISTORY).values(placeholders(HISTORY)),
                HISTORY.toArray(Field[]::new)));
        this.file = file;
        this.columns = columns;
        this.reason = reason;
        this.now = now;
    }

    void add(CsvTicker row) throws SQLException {
        pending.add(row);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Writes what is pending. */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, TickersRecord> stored = stored();
        List<TickersRecord> inserts = new ArrayList<>();
        List<TickersRecord> updates = new ArrayList<>();
        List<ClassificationHistoryRecord> history = new ArrayList<>();
        List<Merged> merged = new ArrayList<>();
        for (CsvTicker row : pending) {
            TickersRecord before = stored.get(row.region() + " " + row.ticker());
            if (before == null) {
                TickersRecord record = CsvRowMerge.newRow(db, row, columns, now);
                inserts.add(record);
                merged.add(new Merged(row, record, true));
                continue;
            }
            boolean changed = merge(row, before);
            if (changed) {
                if (CsvRowMerge.changed(before, TICKERS.SECTOR_CODE) || CsvRowMerge.changed(before, TICKERS.INDUSTRY)) {
                    history.add(CsvRowMerge.historyRow(db, before, reason, now));
                }
                before.setUpdatedAt(now);
                updates.add(before);
            }
            merged.add(new Merged(row, before, changed && CsvRowMerge.changed(before, TICKERS.YAHOO_SYMBOL)));
        }
        checkYahooSymbols(merged);
        for (TickersRecord record : inserts) {
            copy(record, INSERTED, insertBatch.row()).add();
        }
        for (TickersRecord record : updates) {
            copy(record, UPDATED, updateBatch.row()).set(TICKERS.REGION, record.getRegion())
                    .set(TICKERS.TICKER, record.getTicker()).add();
        }
        for (ClassificationHistoryRecord record : history) {
            copy(record, HISTORY, historyBatch.row()).add();
        }
        insertBatch.execute();
        updateBatch.execute();
        historyBatch.execute();
        added += inserts.size();
        updated += updates.size();
        unchanged += pending.size() - inserts.size() - updates.size();
        pending.clear();
    }

    @Override
    public void close() throws SQLException {
        try (insertBatch; updateBatch; historyBatch) {
            // closes the three statements, even when one close fails
        }
    }

    /** Applies a row to its stored ticker; true when anything changed. */
    private boolean merge(CsvTicker row, TickersRecord before) {
        Changes changes = new Changes(before);
        CsvRowMerge.applyListing(changes, row, columns, false);
        boolean manual = CsvRowMerge.isManual(before);
        if (row.classified() && manual && row.sourceOrManual() != Source.MANUAL) {
            keptManual++;
        } else if (row.classified()) {
            CsvRowMerge.applyClassification(changes, row, columns);
        } else if (!manual && (CsvRowMerge.changed(before, TICKERS.KIS_CODE)
                || CsvRowMerge.changed(before, TICKERS.SECURITY_TYPE))) {
            changes.set(TICKERS.STATUS, TickerStatus.PENDING.name());
        }
        return changes.any();
    }

    private Map<String, TickersRecord> stored() {
        Map<String, List<String>> byRegion = new LinkedHashMap<>();
        pending.forEach(row -> byRegion.computeIfAbsent(row.region(), r -> new ArrayList<>()).add(row.ticker()));
        Map<String, TickersRecord> stored = new HashMap<>();
        byRegion.forEach((region, tickers) -> db.selectFrom(TICKERS)
                .where(TICKERS.REGION.eq(region), TICKERS.TICKER.in(tickers))
                .forEach(r -> stored.put(r.getRegion() + " " + r.getTicker(), r)));
        return stored;
    }

    /**
     * One listing per Yahoo symbol: a row that brings a Yahoo symbol is refused when another listed ticker of its
     * market keeps it — stored, written by an earlier batch, or in this one — naming both.
     */
    private void checkYahooSymbols(List<Merged> merged) {
        Map<String, String> finalSymbols = new HashMap<>();
        merged.forEach(m -> finalSymbols.put(m.row().region() + " " + m.row().ticker(), m.record().getYahooSymbol()));
        Map<String, Merged> claims = new HashMap<>();
        for (Merged m : merged) {
            if (!m.claims()) {
                continue;
            }
            Merged other = claims.putIfAbsent(m.symbolKey(), m);
            if (other != null) {
                throw conflict(m, other.row().ticker() + " (line " + other.row().line() + ")");
            }
        }
        Map<String, List<String>> byRegion = new LinkedHashMap<>();
        claims.values().forEach(m -> byRegion.computeIfAbsent(m.row().region(), r -> new ArrayList<>())
                .add(m.record().getYahooSymbol()));
        byRegion.forEach((region, symbols) -> {
            for (Record2<String, String> owner : db.select(TICKERS.TICKER, TICKERS.YAHOO_SYMBOL).from(TICKERS)
                    .where(TICKERS.REGION.eq(region), TICKERS.YAHOO_SYMBOL.in(symbols), TICKERS.DELISTED.isFalse())
                    .fetch()) {
                Merged claimant = claims.get(region + " " + owner.value2());
                String ownerNow = finalSymbols.getOrDefault(region + " " + owner.value1(), owner.value2());
                if (!owner.value1().equals(claimant.row().ticker()) && ownerNow.equals(owner.value2())) {
                    throw conflict(claimant, owner.value1());
                }
            }
        });
    }

    private RuntimeException conflict(Merged claimant, String owner) {
        String region = claimant.row().region();
        return CsvUniverseReader.problem(file, claimant.row().line(), "Yahoo symbol " + claimant.record()
                .getYahooSymbol() + " of " + region + " " + claimant.row().ticker() + " already belongs to "
                + region + " " + owner);
    }

    int added() {
        return added;
    }

    int updated() {
        return updated;
    }

    int unchanged() {
        return unchanged;
    }

    int keptManual() {
        return keptManual;
    }

    /** Sets each column of {@code row} to the record's value. */
    private static PreparedBatch.Row copy(Record record, List<Field<?>> columns, PreparedBatch.Row row) {
        columns.forEach(column -> set(row, column, record));
        return row;
    }

    private static <T> void set(PreparedBatch.Row row, Field<T> column, Record record) {
        row.set(column, record.get(column));
    }

    private static List<Field<?>> placeholders(List<Field<?>> fields) {
        return fields.stream().<Field<?>>map(f -> DSL.val(null, f)).toList();
    }
}
