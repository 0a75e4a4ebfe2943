package io.spock.metadata.store;

import io.spock.metadata.market.Region;
import io.spock.metadata.store.ChangeQuery.Migration;
import io.spock.metadata.store.generated.tables.records.ClassificationHistoryRecord;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history behind {@code changes}: selection by run, time, region, sector and source; the migration matrix; a
 * run's sector moves. {@link PostgresChangeQueryTest} runs them again on PostgreSQL.
 */
class ChangeQueryTest {

    static final LocalDateTime NIGHT_ONE = LocalDateTime.of(2026, 11, 29, 2, 30);
    static final LocalDateTime NIGHT_TWO = LocalDateTime.of(2026, 11, 30, 2, 30);

    @TempDir
    Path dir;
    Database db;
    ChangeQuery query;

    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void history() {
        db = TestStore.open(backend(), dir);
        query = new ChangeQuery(db.dsl());
        TestStore.add(db, TestStore.listing("NYS", "JPM", "610"), TestStore.listing("NYS", "BAC", "610"),
                TestStore.listing("NAS", "MSFT", "720"), TestStore.listing("TSE", "6758", "730"));
        run(1, NIGHT_ONE);
        run(2, NIGHT_TWO);
        change(1, NIGHT_ONE, "US", "JPM", null, "40", "KIS");
        change(1, NIGHT_ONE, "US", "BAC", "45", "40", "KIS");
        change(1, NIGHT_ONE, "US", "MSFT", "40", "45", "YAHOO");
        change(1, NIGHT_ONE, "JP", "6758", "45", "45", "KIS");
        change(2, NIGHT_TWO, "US", "BAC", "40", "10", "KIS");
        change(null, NIGHT_TWO.plusHours(8), "US", "JPM", "40", "55", "MANUAL");
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when the PostgreSQL subclass was skipped for want of a server
            db.close();
        }
    }

    private void run(int id, LocalDateTime at) {
        db.dsl().insertInto(ENRICHMENT_RUNS).set(ENRICHMENT_RUNS.ID, id).set(ENRICHMENT_RUNS.STARTED_AT, at)
                .set(ENRICHMENT_RUNS.REGIONS, "US,JP").set(ENRICHMENT_RUNS.MODE, "INCREMENTAL")
                .set(ENRICHMENT_RUNS.STATUS, RunState.COMPLETED.name()).execute();
    }

    /** A sector change, or an industry change where the sector stays. */
    private void change(Integer run, LocalDateTime at, String region, String ticker, String from, String to,
                        String source) {
        var h = CLASSIFICATION_HISTORY;
        db.dsl().insertInto(h).set(h.REGION, region).set(h.TICKER, ticker).set(h.RUN_ID, run).set(h.CHANGED_AT, at)
                .set(h.SOURCE, source).set(h.OLD_SECTOR_CODE, from).set(h.NEW_SECTOR_CODE, to)
                .set(h.OLD_INDUSTRY, from == null ? null : "industry " + from)
                .set(h.NEW_INDUSTRY, from != null && from.equals(to) ? "another industry" : "industry " + to)
                .set(h.REASON, "test").execute();
    }

    private static ChangeFilter.Builder filter() {
        return ChangeFilter.builder();
    }

    private List<String> listed(ChangeFilter filter) {
        return query.list(filter, 100).rows().stream()
                .map(h -> h.getTicker() + " " + h.getOldSectorCode() + ">" + h.getNewSectorCode()).toList();
    }

    @Test
    void changesAreSelectedByRunTimeRegionSectorAndSourceNewestFirst() {
        assertThat(listed(filter().run(1).build()))
                .containsExactly("6758 45>45", "MSFT 40>45", "BAC 45>40", "JPM null>40");
        assertThat(listed(filter().since(NIGHT_TWO).build())).containsExactly("JPM 40>55", "BAC 40>10");
        assertThat(listed(filter().regions(Set.of(Region.JP)).build())).containsExactly("6758 45>45");
        assertThat(listed(filter().sectors(Selection.anyOf(List.of("10", "55"))).build()))
                .as("moved into or out of").containsExactly("JPM 40>55", "BAC 40>10");
        assertThat(listed(filter().sectors(Selection.noneOf(List.of("40"))).build()))
                .as("touched neither way").containsExactly("6758 45>45");
        assertThat(listed(filter().sources(Selection.anyOf(List.of(Source.MANUAL, Source.YAHOO))).build()))
                .containsExactly("JPM 40>55", "MSFT 40>45");
        assertThat(listed(filter().run(2).regions(Set.of(Region.JP)).build())).isEmpty();
    }

    @Test
    void aPageSaysHowManyMore() {
        ChangeQuery.Page page = query.list(filter().build(), 2);

        assertThat(page.rows()).extracting(ClassificationHistoryRecord::getTicker).containsExactly("JPM", "BAC");
        assertThat(page.matching()).isEqualTo(6);
        assertThat(page.more()).isEqualTo(4);
    }

    @Test
    void theMigrationMatrixCountsSectorMovesOnlyCellByCell() {
        assertThat(query.migrations(filter().build())).containsExactly(
                new Migration(null, "40", 1),
                new Migration("40", "10", 1),
                new Migration("40", "45", 1),
                new Migration("40", "55", 1),
                new Migration("45", "40", 1));
        assertThat(query.migrations(filter().run(1).sources(Selection.anyOf(List.of(Source.KIS))).build()))
                .containsExactly(new Migration(null, "40", 1), new Migration("45", "40", 1));
    }

    @Test
    void aRunsSectorMovesCountMovedAndFirstClassifiedTickers() {
        assertThat(query.sectorMoves(1)).isEqualTo(new ChangeQuery.SectorMoves(2, 1));
        assertThat(query.sectorMoves(2)).isEqualTo(new ChangeQuery.SectorMoves(1, 0));
        assertThat(query.lastRun()).contains(2);
        assertThat(query.runExists(2)).isTrue();
        assertThat(query.runExists(3)).isFalse();
    }

    @Test
    void aRunsSectorsAssignedCountTheTickersMovedIntoEachSectorIndustryOnlyChangesLeftOut() {
        assertThat(query.sectorsAssigned(1)).containsExactly(Map.entry("40", 2), Map.entry("45", 1));
        assertThat(query.sectorsAssigned(2)).containsExactly(Map.entry("10", 1));
        assertThat(query.sectorsAssigned(3)).isEmpty();
    }
}
