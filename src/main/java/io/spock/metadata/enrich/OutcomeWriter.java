package io.spock.metadata.enrich;

import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.store.PreparedBatch;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;
import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Writes a batch of outcomes in one transaction: the ticker rows, a history row for each change, and every
 * source's answer as evidence (one row per ticker and source, replaced by the newer answer). The statements are
 * built with jOOQ once and bound per row as plain JDBC batches ({@link PreparedBatch}), which keeps the KIS path
 * near raw JDBC speed. Rows fixed by hand are never overwritten unless the run includes them explicitly.
 */
public final class OutcomeWriter {

    private final DSLContext dsl;
    private final ZoneId zone;
    private final Statements guarded;
    private final Statements all;
    private final PreparedBatch.Sql evidence;

    /** @param clock its zone turns the answers' observation instants into the store's local time stamps */
    public OutcomeWriter(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.zone = clock.getZone();
        this.guarded = new Statements(dsl, Source.notManual());
        this.all = new Statements(dsl, DSL.noCondition());
        this.evidence = evidenceUpsert(dsl);
    }

    /** The ticker statements of a batch, for runs that spare manual fixes or include them. */
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
                            .set(TICKERS.DISAGREEMENT, (Boolean) null)
                            .set(TICKERS.LAST_ENRICHED, (LocalDateTime) null)
                            .set(TICKERS.LAST_ERROR, (String) null)
                            .set(TICKERS.UPDATED_AT, (LocalDateTime) null)
                            .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null), guard),
                            TICKERS.STATUS, TICKERS.SECTOR_CODE, TICKERS.SECTOR_EN, TICKERS.SECTOR_KO,
                            TICKERS.INDUSTRY, TICKERS.SOURCE, TICKERS.CONFIDENCE, TICKERS.IS_SPAC,
                            TICKERS.IS_PREFERRED, TICKERS.DISAGREEMENT, TICKERS.LAST_ENRICHED, TICKERS.LAST_ERROR,
                            TICKERS.UPDATED_AT, TICKERS.REGION, TICKERS.TICKER),
                    PreparedBatch.Sql.of(dsl, dsl.update(TICKERS)
                            .set(TICKERS.STATUS, (String) null)
                            .set(TICKERS.DISAGREEMENT, (Boolean) null)
                            .set(TICKERS.LAST_ENRICHED,
                                    DSL.coalesce(DSL.val((LocalDateTime) null), TICKERS.LAST_ENRICHED))
                            .set(TICKERS.LAST_ERROR, (String) null)
                            .set(TICKERS.UPDATED_AT, (LocalDateTime) null)
                            .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null), guard),
                            TICKERS.STATUS, TICKERS.DISAGREEMENT, TICKERS.LAST_ENRICHED, TICKERS.LAST_ERROR,
                            TICKERS.UPDATED_AT, TICKERS.REGION, TICKERS.TICKER),
                    PreparedBatch.Sql.of(dsl, dsl.insertInto(CLASSIFICATION_HISTORY,
                                    CLASSIFICATION_HISTORY.REGION, CLASSIFICATION_HISTORY.TICKER,
                                    CLASSIFICATION_HISTORY.RUN_ID, CLASSIFICATION_HISTORY.CHANGED_AT,
                                    CLASSIFICATION_HISTORY.SOURCE, CLASSIFICATION_HISTORY.OLD_SECTOR_CODE,
                                    CLASSIFICATION_HISTORY.NEW_SECTOR_CODE, CLASSIFICATION_HISTORY.OLD_INDUSTRY,
                                    CLASSIFICATION_HISTORY.NEW_INDUSTRY, CLASSIFICATION_HISTORY.OLD_SOURCE,
                                    CLASSIFICATION_HISTORY.REASON)
                            .values((String) null, null, null, null, null, null, null, null, null, null, null),
                            CLASSIFICATION_HISTORY.REGION, CLASSIFICATION_HISTORY.TICKER,
                            CLASSIFICATION_HISTORY.RUN_ID, CLASSIFICATION_HISTORY.CHANGED_AT,
                            CLASSIFICATION_HISTORY.SOURCE, CLASSIFICATION_HISTORY.OLD_SECTOR_CODE,
                            CLASSIFICATION_HISTORY.NEW_SECTOR_CODE, CLASSIFICATION_HISTORY.OLD_INDUSTRY,
                            CLASSIFICATION_HISTORY.NEW_INDUSTRY, CLASSIFICATION_HISTORY.OLD_SOURCE,
                            CLASSIFICATION_HISTORY.REASON));
        }
    }

    /** One evidence row per (region, ticker, source): the newer answer replaces the older. */
    private static PreparedBatch.Sql evidenceUpsert(DSLContext dsl) {
        var e = CLASSIFICATION_EVIDENCE;
        return PreparedBatch.Sql.of(dsl, dsl.insertInto(e, e.REGION, e.TICKER, e.SOURCE, e.VERDICT, e.RAW_CODE,
                                e.RAW_LABEL, e.SECTOR_CODE, e.INDUSTRY_CODE, e.INDUSTRY, e.CONFIDENCE, e.DETAIL,
                                e.OBSERVED_AT, e.RUN_ID)
                        .values((String) null, null, null, null, null, null, null, null, null, null, null,
                                (LocalDateTime) null, (Integer) null)
                        .onConflict(e.REGION, e.TICKER, e.SOURCE)
                        .doUpdate()
                        .set(e.VERDICT, DSL.excluded(e.VERDICT))
                        .set(e.RAW_CODE, DSL.excluded(e.RAW_CODE))
                        .set(e.RAW_LABEL, DSL.excluded(e.RAW_LABEL))
                        .set(e.SECTOR_CODE, DSL.excluded(e.SECTOR_CODE))
                        .set(e.INDUSTRY_CODE, DSL.excluded(e.INDUSTRY_CODE))
                        .set(e.INDUSTRY, DSL.excluded(e.INDUSTRY))
                        .set(e.CONFIDENCE, DSL.excluded(e.CONFIDENCE))
                        .set(e.DETAIL, DSL.excluded(e.DETAIL))
                        .set(e.OBSERVED_AT, DSL.excluded(e.OBSERVED_AT))
                        .set(e.RUN_ID, DSL.excluded(e.RUN_ID)),
                e.REGION, e.TICKER, e.SOURCE, e.VERDICT, e.RAW_CODE, e.RAW_LABEL, e.SECTOR_CODE, e.INDUSTRY_CODE,
                e.INDUSTRY, e.CONFIDENCE, e.DETAIL, e.OBSERVED_AT, e.RUN_ID);
    }

    /**
     * Writes one batch in one transaction.
     *
     * @param runId         the run the outcomes belong to
     * @param now           the time stamped on the rows (ticker, history)
     * @param includeManual also overwrite rows fixed by hand
     */
    public void write(List<Outcome> outcomes, Integer runId, LocalDateTime now, boolean includeManual) {
        if (outcomes.isEmpty()) {
            return;
        }
        Statements statements = includeManual ? all : guarded;
        dsl.transaction(tx -> tx.dsl().connection(connection -> {
            try (PreparedBatch classified = new PreparedBatch(connection, statements.classified());
                 PreparedBatch unanswered = new PreparedBatch(connection, statements.unanswered());
                 PreparedBatch history = new PreparedBatch(connection, statements.history());
                 PreparedBatch answers = new PreparedBatch(connection, evidence)) {
                for (Outcome o : outcomes) {
                    Candidate c = o.candidate();
                    if (o.classified()) {
                        String industry = o.industry() != null ? o.industry() : c.industry();
                        classified.row().set(TICKERS.STATUS, o.status().name())
                                .set(TICKERS.SECTOR_CODE, o.sector().code())
                                .set(TICKERS.SECTOR_EN, o.sector().nameEn())
                                .set(TICKERS.SECTOR_KO, o.sector().nameKo())
                                .set(TICKERS.INDUSTRY, industry)
                                .set(TICKERS.SOURCE, o.source().name())
                                .set(TICKERS.CONFIDENCE, o.confidence().name())
                                .set(TICKERS.IS_SPAC, o.spac())
                                .set(TICKERS.IS_PREFERRED, o.preferred())
                                .set(TICKERS.DISAGREEMENT, o.disagreement())
                                .set(TICKERS.LAST_ENRICHED, now)
                                .set(TICKERS.LAST_ERROR, o.error())
                                .set(TICKERS.UPDATED_AT, now)
                                .set(TICKERS.REGION, c.region()).set(TICKERS.TICKER, c.ticker()).add();
                        if (!Objects.equals(c.sectorCode(), o.sector().code())
                                || !Objects.equals(c.industry(), industry)) {
                            history.row().set(CLASSIFICATION_HISTORY.REGION, c.region())
                                    .set(CLASSIFICATION_HISTORY.TICKER, c.ticker())
                                    .set(CLASSIFICATION_HISTORY.RUN_ID, runId)
                                    .set(CLASSIFICATION_HISTORY.CHANGED_AT, now)
                                    .set(CLASSIFICATION_HISTORY.SOURCE, o.source().name())
                                    .set(CLASSIFICATION_HISTORY.OLD_SECTOR_CODE, c.sectorCode())
                                    .set(CLASSIFICATION_HISTORY.NEW_SECTOR_CODE, o.sector().code())
                                    .set(CLASSIFICATION_HISTORY.OLD_INDUSTRY, c.industry())
                                    .set(CLASSIFICATION_HISTORY.NEW_INDUSTRY, industry)
                                    .set(CLASSIFICATION_HISTORY.OLD_SOURCE, c.source())
                                    .set(CLASSIFICATION_HISTORY.REASON, o.reason()).add();
                        }
                    } else {
                        boolean finalAnswer = o.status() == TickerStatus.NOT_APPLICABLE
                                || o.status() == TickerStatus.NOT_FOUND;
                        unanswered.row().set(TICKERS.STATUS, o.status().name())
                                .set(TICKERS.DISAGREEMENT, o.disagreement())
                                .set(TICKERS.LAST_ENRICHED, finalAnswer ? now : null)
                                .set(TICKERS.LAST_ERROR, o.error())
                                .set(TICKERS.UPDATED_AT, now)
                                .set(TICKERS.REGION, c.region()).set(TICKERS.TICKER, c.ticker()).add();
                    }
                    for (Answer a : o.answers()) {
                        if (a.verdict().kept()) {
                            addEvidence(answers, c, a, runId);
                        }
                    }
                }
                classified.execute();
                unanswered.execute();
                history.execute();
                answers.execute();
            }
        }));
    }

    private void addEvidence(PreparedBatch answers, Candidate c, Answer a, Integer runId)
            throws SQLException {
        var e = CLASSIFICATION_EVIDENCE;
        answers.row().set(e.REGION, c.region()).set(e.TICKER, c.ticker()).set(e.SOURCE, a.source().name())
                .set(e.VERDICT, a.verdict().name()).set(e.RAW_CODE, a.rawCode()).set(e.RAW_LABEL, a.rawLabel())
                .set(e.SECTOR_CODE, a.hasSector() ? a.sector().code() : null)
                .set(e.INDUSTRY_CODE, a.industryCode()).set(e.INDUSTRY, a.industry())
                .set(e.CONFIDENCE, a.hasSector() ? a.confidence().name() : null)
                .set(e.DETAIL, a.detail())
                .set(e.OBSERVED_AT, LocalDateTime.ofInstant(a.observedAt(), zone))
                .set(e.RUN_ID, runId).add();
    }
}
