package io.spock.metadata.universe;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.market.KindDecision;
import io.spock.metadata.market.ListingKinds;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * The rules by which one CSV row changes a ticker's stored row (see {@link CsvUniverseImport}): listing columns the
 * header has, a classification only with a sector, manual fixes kept, and a blank Yahoo symbol derived from the
 * listing's kind ({@link ListingKinds}).
 */
final class CsvRowMerge {

    private CsvRowMerge() {
    }

    static boolean changed(TickersRecord row, Field<?> field) {
        return !Objects.equals(row.original(field), row.get(field));
    }

    static boolean isManual(TickersRecord row) {
        return Source.MANUAL.name().equals(row.getSource());
    }

    static TickersRecord newRow(DSLContext db, CsvTicker row, Set<String> columns, LocalDateTime now) {
        TickersRecord record = db.newRecord(TICKERS);
        record.setRegion(row.region()).setTicker(row.ticker()).setCreatedAt(now).setUpdatedAt(now)
                .setIsSpac(false).setIsPreferred(false).setDelisted(false);
        Changes changes = new Changes(record);
        applyListing(changes, row, columns, true);
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

    /**
     * The listing columns the header has. A Yahoo symbol given is taken; a blank one, and a new listing's, is derived
     * from the merged names; a header without the column keeps the stored one.
     */
    static void applyListing(Changes changes, CsvTicker row, Set<String> columns, boolean added) {
        TickersRecord record = changes.record();
        changes.set(TICKERS.EXCHANGE, row.exchange().code());
        changes.setIf(columns, CsvColumns.NAME_EN, TICKERS.NAME_EN, row.nameEn());
        changes.setIf(columns, CsvColumns.NAME_KO, TICKERS.NAME_KO, row.nameKo());
        // a new listing takes the row's values even when blank or absent: STOCK and 000
        if (added || columns.contains(CsvColumns.SECURITY_TYPE)) {
            changes.set(TICKERS.SECURITY_TYPE, row.securityType().name());
        }
        if (added || columns.contains(CsvColumns.KIS_CODE)) {
            changes.set(TICKERS.KIS_CODE, row.kisCode());
        }
        boolean derive = row.yahooSymbol() == null && (added || columns.contains(CsvColumns.YAHOO_SYMBOL));
        KindDecision kind = derive || added && row.preferred() == null
                ? ListingKinds.decide(row.exchange(), row.ticker(), record.getNameEn(), record.getNameKo()) : null;
        if (row.yahooSymbol() != null) {
            changes.set(TICKERS.YAHOO_SYMBOL, row.yahooSymbol());
        } else if (derive) {
            changes.set(TICKERS.YAHOO_SYMBOL, row.exchange().yahooSymbol(row.ticker(), kind));
        }
        if (row.preferred() != null) {
            changes.set(TICKERS.IS_PREFERRED, row.preferred());
        } else if (added) {
            changes.set(TICKERS.IS_PREFERRED, kind.preferred());
        }
        if (row.delisted() != null) {
            changes.set(TICKERS.DELISTED, row.delisted());
        }
    }

    static void applyClassification(Changes changes, CsvTicker row, Set<String> columns) {
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

    static ClassificationHistoryRecord historyRow(DSLContext db, TickersRecord row, String reason,
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
    static final class Changes {

        private final TickersRecord record;
        private boolean any;

        Changes(TickersRecord record) {
            this.record = record;
        }

        TickersRecord record() {
            return record;
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
