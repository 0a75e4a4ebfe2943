package io.spock.metadata.store;

import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;

/** What moved: the classification history behind {@code changes}, its sector migration matrix, and run lookups. */
public final class ChangeQuery {

    /** One page of changes, newest first, and how many match in all. */
    public record Page(List<ClassificationHistoryRecord> rows, int matching) {
        public Page {
            rows = List.copyOf(rows);
        }

        public int more() {
            return Math.max(0, matching - rows.size());
        }
    }

    /**
     * One cell of the sector migration matrix.
     *
     * @param from    the sector code before, null when the ticker had none
     * @param to      the sector code after, null when the sector was cleared
     * @param changes how many changes moved a ticker from {@code from} to {@code to}
     */
    public record Migration(String from, String to, int changes) {
    }

    /**
     * The sector changes of one run.
     *
     * @param moved           tickers moved from one sector to another
     * @param firstClassified tickers that had no sector before
     */
    public record SectorMoves(int moved, int firstClassified) {
    }

    private final DSLContext dsl;

    public ChangeQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Changes newest first: at most {@code limit} (1 or more). */
    public Page list(ChangeFilter filter, int limit) {
        Condition where = filter.condition();
        var h = CLASSIFICATION_HISTORY;
        return new Page(dsl.selectFrom(h).where(where).orderBy(h.CHANGED_AT.desc(), h.ID.desc()).limit(limit).fetch(),
                dsl.fetchCount(h, where));
    }

    /**
     * The sector migration matrix: per (sector before, sector after), how many of the selected changes moved a
     * ticker between them. Industry-only changes are left out. Cells ordered by sector code, empty first.
     */
    public List<Migration> migrations(ChangeFilter filter) {
        var h = CLASSIFICATION_HISTORY;
        return dsl.select(h.OLD_SECTOR_CODE, h.NEW_SECTOR_CODE, DSL.count())
                .from(h)
                .where(filter.condition().and(movedSector()))
                .groupBy(h.OLD_SECTOR_CODE, h.NEW_SECTOR_CODE)
                .orderBy(h.OLD_SECTOR_CODE.asc().nullsFirst(), h.NEW_SECTOR_CODE.asc().nullsFirst())
                .fetch(r -> new Migration(r.value1(), r.value2(), r.value3()));
    }

    /** How many tickers a run moved to another sector, and how many it classified for the first time. */
    public SectorMoves sectorMoves(int runId) {
        var h = CLASSIFICATION_HISTORY;
        Condition ofRun = h.RUN_ID.eq(runId).and(movedSector());
        int moved = dsl.fetchCount(dsl.selectDistinct(h.REGION, h.TICKER).from(h)
                .where(ofRun.and(h.OLD_SECTOR_CODE.isNotNull())));
        int first = dsl.fetchCount(dsl.selectDistinct(h.REGION, h.TICKER).from(h)
                .where(ofRun.and(h.OLD_SECTOR_CODE.isNull())));
        return new SectorMoves(moved, first);
    }

    /**
     * Per sector, how many tickers a run moved into it (first classifications included): sector code to tickers,
     * in code order; sectors the run moved no ticker into are left out.
     */
    public Map<String, Integer> sectorsAssigned(int runId) {
        var h = CLASSIFICATION_HISTORY;
        var moves = dsl.selectDistinct(h.NEW_SECTOR_CODE, h.REGION, h.TICKER).from(h)
                .where(h.RUN_ID.eq(runId).and(movedSector()).and(h.NEW_SECTOR_CODE.isNotNull()))
                .asTable("moves");
        var sector = moves.field(h.NEW_SECTOR_CODE);
        Map<String, Integer> assigned = new LinkedHashMap<>();
        dsl.select(sector, DSL.count()).from(moves).groupBy(sector).orderBy(sector)
                .forEach(r -> assigned.put(r.value1(), r.value2()));
        return assigned;
    }

    /** The latest enrichment run, if any. */
    public Optional<Integer> lastRun() {
        return Optional.ofNullable(dsl.select(DSL.max(ENRICHMENT_RUNS.ID)).from(ENRICHMENT_RUNS).fetchOne(0, Integer.class));
    }

    public boolean runExists(int runId) {
        return dsl.fetchExists(ENRICHMENT_RUNS, ENRICHMENT_RUNS.ID.eq(runId));
    }

    private static Condition movedSector() {
        return CLASSIFICATION_HISTORY.OLD_SECTOR_CODE.isDistinctFrom(CLASSIFICATION_HISTORY.NEW_SECTOR_CODE);
    }
}
