package io.spock.metadata.curate;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.store.RowLocks;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.Verdict;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;
import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Applies and clears manual classifications. A fix is stored with source MANUAL, which enrichment never
 * overwrites; clearing it makes the ticker due again. A fix without an industry keeps the stored one only when the
 * sector stays: an industry of another sector would be stale. Both land in the history with the reason.
 */
public final class ManualFixes {

    private final DSLContext dsl;
    private final Clock clock;

    public ManualFixes(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public FixResult apply(ManualFix fix, boolean dryRun) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            var select = db.selectFrom(TICKERS)
                    .where(TICKERS.REGION.eq(fix.region()).and(TICKERS.TICKER.eq(fix.ticker())));
            TickersRecord row = RowLocks.fetchLocked(db, select);
            if (row == null) {
                throw new UsageException("unknown ticker '" + fix.ticker() + "' in " + fix.region());
            }
            String before = describe(row.getSectorCode(), row.getSectorEn(), row.getSource());
            LocalDateTime now = LocalDateTime.now(clock);
            if (fix.clearing()) {
                if (!Source.MANUAL.name().equals(row.getSource())) {
                    return new FixResult(fix.region(), fix.ticker(), false, before, before, dryRun);
                }
                if (!dryRun) {
                    history(db, row, null, row.getIndustry(), fix.reason() == null ? "manual fix cleared" : fix.reason(),
                            now);
                    row.setSectorCode(null).setSectorEn(null).setSectorKo(null).setSource(null).setConfidence(null)
                            .setStatus(TickerStatus.PENDING.name()).setUpdatedAt(now).store();
                    db.deleteFrom(CLASSIFICATION_EVIDENCE).where(CLASSIFICATION_EVIDENCE.REGION.eq(row.getRegion()),
                            CLASSIFICATION_EVIDENCE.TICKER.eq(row.getTicker()),
                            CLASSIFICATION_EVIDENCE.SOURCE.eq(Source.MANUAL.name())).execute();
                }
                return new FixResult(fix.region(), fix.ticker(), true, before, "- (due for enrich)", dryRun);
            }
            boolean sameSector = fix.sector().code().equals(row.getSectorCode());
            // an industry belongs to its sector: a new sector without --industry drops the old one
            String industry = fix.industry() != null ? fix.industry() : sameSector ? row.getIndustry() : null;
            String after = describe(fix.sector().code(), fix.sector().nameEn(), Source.MANUAL.name());
            boolean same = Source.MANUAL.name().equals(row.getSource())
                    && fix.sector().code().equals(row.getSectorCode()) && Objects.equals(industry, row.getIndustry());
            if (same) {
                return new FixResult(fix.region(), fix.ticker(), false, before, after, dryRun);
            }
            if (!dryRun) {
                history(db, row, fix.sector().code(), industry, fix.reason(), now);
                row.setSectorCode(fix.sector().code()).setSectorEn(fix.sector().nameEn())
                        .setSectorKo(fix.sector().nameKo()).setIndustry(industry).setSource(Source.MANUAL.name())
                        .setConfidence(Confidence.HIGH.name()).setStatus(TickerStatus.CLASSIFIED.name())
                        .setLastError(null).setUpdatedAt(now).store();
                evidence(db, row, fix, industry, now);
            }
            return new FixResult(fix.region(), fix.ticker(), true, before, after, dryRun);
        });
    }

    /** The fix as the MANUAL source's answer, beside the other sources' answers. */
    private static void evidence(DSLContext db, TickersRecord row, ManualFix fix, String industry, LocalDateTime now) {
        var e = CLASSIFICATION_EVIDENCE;
        db.insertInto(e)
                .set(e.REGION, row.getRegion()).set(e.TICKER, row.getTicker()).set(e.SOURCE, Source.MANUAL.name())
                .set(e.VERDICT, Verdict.SECTOR.name()).set(e.SECTOR_CODE, fix.sector().code())
                .set(e.INDUSTRY, industry).set(e.CONFIDENCE, Confidence.HIGH.name())
                .set(e.RAW_LABEL, fix.reason() == null ? "manual fix" : fix.reason()).set(e.OBSERVED_AT, now)
                .onConflict(e.REGION, e.TICKER, e.SOURCE).doUpdate()
                .set(e.SECTOR_CODE, fix.sector().code()).set(e.INDUSTRY, industry)
                .set(e.RAW_LABEL, fix.reason() == null ? "manual fix" : fix.reason()).set(e.OBSERVED_AT, now)
                .execute();
    }

    private static void history(DSLContext db, TickersRecord row, String newSector, String newIndustry, String reason,
                                LocalDateTime now) {
        db.insertInto(CLASSIFICATION_HISTORY)
                .set(CLASSIFICATION_HISTORY.REGION, row.getRegion())
                .set(CLASSIFICATION_HISTORY.TICKER, row.getTicker())
                .set(CLASSIFICATION_HISTORY.CHANGED_AT, now)
                .set(CLASSIFICATION_HISTORY.SOURCE, Source.MANUAL.name())
                .set(CLASSIFICATION_HISTORY.OLD_SECTOR_CODE, row.getSectorCode())
                .set(CLASSIFICATION_HISTORY.NEW_SECTOR_CODE, newSector)
                .set(CLASSIFICATION_HISTORY.OLD_INDUSTRY, row.getIndustry())
                .set(CLASSIFICATION_HISTORY.NEW_INDUSTRY, newIndustry)
                .set(CLASSIFICATION_HISTORY.OLD_SOURCE, row.getSource())
                .set(CLASSIFICATION_HISTORY.REASON, reason == null ? "manual fix" : reason)
                .execute();
    }

    static String describe(String code, String name, String source) {
        if (code == null) {
            return "-";
        }
        return code + " " + name + (source == null ? "" : " (" + source + ")");
    }
}
