package io.spock.metadata.enrich;

import io.spock.metadata.store.PreparedBatch;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Writes a batch of outcomes in one transaction: the ticker rows and a history row for each change.
 * The statements are built with jOOQ once and bound per row as plain JDBC batches ({@link PreparedBatch}),
 * which keeps the KIS path near raw JDBC speed. Rows fixed by hand are never overwritten unless the run
 * includes them explicitly.
 */
public final class OutcomeWriter {

    private final DSLContext dsl;
    private final Statements guarded;
    private final Statements all;

    public OutcomeWriter(DSLContext dsl) {
        this.dsl = dsl;
        this.guarded = new Statements(dsl, Source.notManual());
        this.all = new Statements(dsl, DSL.noCondition());
    }

    /** The three statements of a batch, for runs that spare manual fixes or include them. */
    private record Statements(PreparedBatch.Sql classified, PreparedBatch.Sql unanswered, PreparedBatch.Sql history) {

        Statements(DSLContext dsl, Condition guard) {
            this(PreparedBatch.Sql.of(dsl, dsl.update(TICKERS)
                            .set(TICKERS.STATUS, (String) null)
                            .set(TICKERS.SECTOR_CODE, (String) null)
                            .set(TICKERS.SECTOR_EN, (String) null)
                            .set(TICKERS.SECTOR_KO, (String) null)
                            .set(TICKERS.INDUSTRY, (String) null)
                            .set(TICKERS.SOURCE, (String) null)
                            .set(TICKERS.CONFIDENCE, (String) null)
                            .set(TICKERS.IS_SPAC, (Boolean) null)
                            .set(TICKERS.IS_PREFERRED, (Boolean) null)
                            .set(TICKERS.LAST_ENRICHED, (LocalDateTime) null)
                            .set(TICKERS.LAST_ERROR, (String) null)
                            .set(TICKERS.UPDATED_AT, (LocalDateTime) null)
                            .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null), guard)),
                    PreparedBatch.Sql.of(dsl, dsl.update(TICKERS)
                            .set(TICKERS.STATUS, (String) null)
                            .set(TICKERS.LAST_ENRICHED,
                                    DSL.coalesce(DSL.val((LocalDateTime) null), TICKERS.LAST_ENRICHED))
                            .set(TICKERS.LAST_ERROR, (String) null)
                            .set(TICKERS.UPDATED_AT, (LocalDateTime) null)
                            .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null), guard)),
                    PreparedBatch.Sql.of(dsl, dsl.insertInto(CLASSIFICATION_HISTORY,
                                    CLASSIFICATION_HISTORY.REGION, CLASSIFICATION_HISTORY.TICKER,
                                    CLASSIFICATION_HISTORY.RUN_ID, CLASSIFICATION_HISTORY.CHANGED_AT,
                                    CLASSIFICATION_HISTORY.SOURCE, CLASSIFICATION_HISTORY.OLD_SECTOR_CODE,
                                    CLASSIFICATION_HISTORY.NEW_SECTOR_CODE, CLASSIFICATION_HISTORY.OLD_INDUSTRY,
                                    CLASSIFICATION_HISTORY.NEW_INDUSTRY, CLASSIFICATION_HISTORY.OLD_SOURCE,
                                    CLASSIFICATION_HISTORY.REASON)
                            .values((String) null, null, null, null, null, null, null, null, null, null, null)));
        }
    }

    public void write(List<Outcome> outcomes, Integer runId, LocalDateTime now, boolean includeManual) {
        if (outcomes.isEmpty()) {
            return;
        }
        Statements statements = includeManual ? all : guarded;
        dsl.transaction(tx -> tx.dsl().connection(connection -> {
            try (PreparedBatch classified = new PreparedBatch(connection, statements.classified());
                 PreparedBatch unanswered = new PreparedBatch(connection, statements.unanswered());
                 PreparedBatch history = new PreparedBatch(connection, statements.history())) {
                for (Outcome o : outcomes) {
                    Candidate c = o.candidate();
                    if (o.classified()) {
                        String industry = o.industry() != null ? o.industry() : c.industry();
                        classified.add(o.status().name(), o.sector().code(), o.sector().nameEn(), o.sector().nameKo(),
                                industry, o.source().name(), o.confidence(), o.spac(), o.preferred(), now, o.error(),
                                now, c.region(), c.ticker());
                        if (!Objects.equals(c.sectorCode(), o.sector().code())
                                || !Objects.equals(c.industry(), industry)) {
                            history.add(c.region(), c.ticker(), runId, now, o.source().name(), c.sectorCode(),
                                    o.sector().code(), c.industry(), industry, c.source(), reason(o));
                        }
                    } else {
                        boolean finalAnswer = o.status() == TickerStatus.NOT_APPLICABLE
                                || o.status() == TickerStatus.NOT_FOUND;
                        unanswered.add(o.status().name(), finalAnswer ? now : null, o.error(), now,
                                c.region(), c.ticker());
                    }
                }
                classified.execute();
                unanswered.execute();
                history.execute();
            }
        }));
    }

    private static String reason(Outcome o) {
        return o.source() == Source.KIS ? "KIS code " + o.candidate().kisCode() + " (" + o.confidence() + ")"
                : "Yahoo Finance profile";
    }
}
