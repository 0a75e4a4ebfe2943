package io.spock.metadata.universe;

import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.universe.CsvRowMerge.Changes;
import org.jooq.DSLContext;
import org.jooq.Record2;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Writes validated CSV rows in batches of {@value #BATCH}, inside the caller's transaction: each batch reads the
 * stored rows it touches, merges ({@link CsvRowMerge}), checks that no Yahoo symbol would belong to two listed tickers
 * of a market, and writes. Memory is one batch, whatever the file's size.
 */
final class CsvBatchWriter {

    static final int BATCH = 500;

    private final DSLContext db;
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

    CsvBatchWriter(DSLContext db, Path file, Set<String> columns, String reason, LocalDateTime now) {
        this.db = db;
        this.file = file;
        this.columns = columns;
        this.reason = reason;
        this.now = now;
    }

    void add(CsvTicker row) {
        pending.add(row);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Writes what is pending. */
    void flush() {
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
        db.batchInsert(inserts).execute();
        db.batchUpdate(updates).execute();
        db.batchInsert(history).execute();
        added += inserts.size();
        updated += updates.size();
        unchanged += pending.size() - inserts.size() - updates.size();
        pending.clear();
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
}
