package io.spock.metadata.store;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.TestStore;
import io.spock.metadata.universe.Listing;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ticker filter, combinations, sort and paging on a small universe built for them.
 * {@link PostgresTickerQueryTest} runs them again on PostgreSQL.
 */
class TickerQueryTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 2, 30);

    @TempDir
    Path dir;
    Database db;
    TickerQuery query;

    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void universe() {
        db = TestStore.open(backend(), dir);
        query = new TickerQuery(db.dsl());
        add("NYS", "JPM", "JPMORGAN CHASE & CO", "제이피모건", "610");
        add("NYS", "BAC", "BANK OF AMERICA CORPORATION", "뱅크오브아메리카", "610");
        add("NAS", "AVBH", "AVIDBANK HOLDINGS INC", null, "000");
        add("NAS", "BNKX", "BANKTECH SOFTWARE INC", null, "000");
        add("NAS", "MSFT", "MICROSOFT CORP", "마이크로소프트", "720");
        add("NYS", "SPCX", "ALPHA ACQUISITION CORP", null, "000");
        add("NYS", "ABR/D", "ARBOR REALTY PFD D", null, "000");
        add("TSE", "6758", "SONY GROUP CORP", "소니", "730");
        add("TSE", "7203", "TOYOTA MOTOR CORP", "토요타", "250");
        add("TSE", "8306", "MITSUBISHI UFJ FINANCIAL GROUP", "미쓰비시UFJ", "610");
        add("TSE", "9999", "GONE KK", null, "730");
        add("HSX", "VCB", "JS COMM BANK FOREIGN TRADE VIETNAM", null, "610");
        classify("US", "JPM", "40", "KIS", Confidence.HIGH, NOW.minusDays(1));
        classify("US", "BAC", "40", "KIS", Confidence.HIGH, NOW.minusDays(40));
        classify("US", "BNKX", "45", "YAHOO", Confidence.HIGH, NOW.minusDays(1));
        classify("US", "MSFT", "45", "KIS", Confidence.LOW, NOW);
        classify("US", "SPCX", "40", "MANUAL", null, NOW.minusDays(100));
        classify("JP", "6758", "45", "KIS", Confidence.LOW, NOW.minusDays(2));
        classify("JP", "7203", "25", "KIS", Confidence.MEDIUM, NOW.minusDays(2));
        classify("JP", "8306", "40", "KIS", Confidence.HIGH, NOW.minusDays(2));
        classify("JP", "9999", "45", "KIS", Confidence.LOW, NOW.minusDays(2));
        DSLContext dsl = db.dsl();
        dsl.update(TICKERS).set(TICKERS.DISAGREEMENT, true).where(TICKERS.TICKER.eq("MSFT")).execute();
        dsl.update(TICKERS).set(TICKERS.IS_SPAC, true).where(TICKERS.TICKER.eq("SPCX")).execute();
        dsl.update(TICKERS).set(TICKERS.IS_PREFERRED, true).where(TICKERS.TICKER.eq("ABR/D")).execute();
        dsl.update(TICKERS).set(TICKERS.DELISTED, true).where(TICKERS.TICKER.eq("9999")).execute();
        dsl.update(TICKERS).set(TICKERS.STATUS, TickerStatus.FAILED.name()).where(TICKERS.TICKER.eq("VCB")).execute();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void add(String exchange, String ticker, String nameEn, String nameKo, String kisCode) {
        TestStore.add(db, Listing.of(Markets.exchange(exchange).orElseThrow(), ticker, nameEn, nameKo, SecurityType.STOCK,
                kisCode));
    }

    private void classify(String region, String ticker, String sector, String source, Confidence confidence,
                          LocalDateTime enriched) {
        db.dsl().update(TICKERS).set(TICKERS.SECTOR_CODE, sector)
                .set(TICKERS.SECTOR_EN, GicsTaxonomy.load().sector(sector).orElseThrow().nameEn())
                .set(TICKERS.SOURCE, source).set(TICKERS.CONFIDENCE, confidence == null ? null : confidence.name())
                .set(TICKERS.STATUS, TickerStatus.CLASSIFIED.name()).set(TICKERS.LAST_ENRICHED, enriched)
                .where(TICKERS.REGION.eq(region), TICKERS.TICKER.eq(ticker)).execute();
    }

    /** The tickers a filter selects, by region and ticker. */
    private List<String> select(UnaryOperator<TickerFilter.Builder> filter) {
        return query.find(filter.apply(TickerFilter.builder()).build(), List.of(), false, 100, 0).rows().stream()
                .map(TickersRecord::getTicker).toList();
    }

    private static <T> Selection<T> any(T... values) {
        return Selection.anyOf(List.of(values));
    }

    private static <T> Selection<T> none(T... values) {
        return Selection.noneOf(List.of(values));
    }

    @Test
    void eachFilterSelectsItsTickersAndNothingElse() {
        assertThat(select(f -> f.regions(Set.of(Region.JP)))).containsExactly("6758", "7203", "8306", "9999");
        assertThat(select(f -> f.exchanges(any("NAS")))).containsExactly("AVBH", "BNKX", "MSFT");
        assertThat(select(f -> f.sectors(any("25", "50")))).containsExactly("7203");
        assertThat(select(f -> f.sources(any(Source.YAHOO, Source.MANUAL)))).containsExactly("BNKX", "SPCX");
        assertThat(select(f -> f.confidences(any(Confidence.MEDIUM)))).containsExactly("7203");
        assertThat(select(f -> f.statuses(any(TickerStatus.FAILED, TickerStatus.PENDING))))
                .containsExactly("ABR/D", "AVBH", "VCB");
        assertThat(select(f -> f.kisCodes(any("730")))).containsExactly("6758", "9999");
        assertThat(select(f -> f.names(any("bank")))).as("case-insensitive, English")
                .containsExactly("AVBH", "BAC", "BNKX", "VCB");
        assertThat(select(f -> f.names(any("소니", "토요타")))).as("Korean").containsExactly("6758", "7203");
        assertThat(select(f -> f.names(any("%", "_")))).as("SQL wildcards are text").isEmpty();
        assertThat(select(f -> f.stale(true, NOW.minusDays(30)))).as("a manual fix is never stale")
                .containsExactly("BAC");
        assertThat(select(f -> f.delisted(true))).containsExactly("9999");
        assertThat(select(f -> f.spac(true))).containsExactly("SPCX");
        assertThat(select(f -> f.preferred(true))).containsExactly("ABR/D");
        assertThat(select(f -> f.disagreement(true))).containsExactly("MSFT");
    }

    @Test
    void notSelectsEverythingElseIncludingTickersWithoutTheValue() {
        assertThat(select(f -> f.regions(Set.of(Region.US)).sectors(none("40", "45"))))
                .as("no sector is not Financials either").containsExactly("ABR/D", "AVBH");
        assertThat(select(f -> f.regions(Set.of(Region.JP)).confidences(none(Confidence.LOW))))
                .containsExactly("7203", "8306");
        assertThat(select(f -> f.regions(Set.of(Region.US)).names(none("bank", "corp"))))
                .containsExactly("ABR/D", "JPM");
        assertThat(select(f -> f.regions(Set.of(Region.JP)).delisted(false))).containsExactly("6758", "7203", "8306");
        assertThat(select(f -> f.regions(Set.of(Region.US)).disagreement(false))).doesNotContain("MSFT").hasSize(6);
    }

    @Test
    void filtersCombineWithAnd() {
        assertThat(select(f -> f.regions(Set.of(Region.JP)).sectors(any("45")).sources(any(Source.KIS))
                .delisted(false))).as("Japanese IT on KIS's word").containsExactly("6758");
        assertThat(select(f -> f.names(any("bank")).sectors(none("40")))).as("BANK in the name, not Financials")
                .containsExactly("AVBH", "BNKX", "VCB");
        assertThat(select(f -> f.regions(EnumSet.of(Region.US, Region.HK)).exchanges(any("HKS"))))
                .isEmpty();
    }

    @Test
    void sortsByAnyColumnEitherWayWithEmptyValuesLast() {
        TickerFilter us = TickerFilter.builder().regions(Set.of(Region.US)).build();

        assertThat(tickers(query.find(us, List.of(TickerColumn.NAME), false, 3, 0)))
                .containsExactly("SPCX", "ABR/D", "AVBH");
        assertThat(tickers(query.find(us, List.of(TickerColumn.NAME), true, 2, 0))).containsExactly("MSFT", "JPM");
        assertThat(tickers(query.find(us, List.of(TickerColumn.CONFIDENCE), false, 7, 0)))
                .as("by strength, not spelling; region and ticker break ties; no confidence last")
                .containsExactly("MSFT", "BAC", "BNKX", "JPM", "ABR/D", "AVBH", "SPCX");
        assertThat(tickers(query.find(us, List.of(TickerColumn.CONFIDENCE), true, 4, 0)))
                .containsExactly("BAC", "BNKX", "JPM", "MSFT");
        assertThat(tickers(query.find(us, List.of(TickerColumn.SECTOR, TickerColumn.LAST_ENRICHED), false, 5, 0)))
                .containsExactly("SPCX", "BAC", "JPM", "BNKX", "MSFT");
    }

    @Test
    void pagesCountWhatMatchesAndWhatIsLeft() {
        TickerFilter all = TickerFilter.builder().build();

        TickerQuery.Page second = query.find(all, List.of(TickerColumn.TICKER), false, 3, 3);
        TickerQuery.Page past = query.find(all, List.of(TickerColumn.TICKER), false, 3, 50);

        assertThat(tickers(second)).containsExactly("9999", "ABR/D", "AVBH");
        assertThat(second.matching()).isEqualTo(12);
        assertThat(second.more()).isEqualTo(6);
        assertThat(past.rows()).isEmpty();
        assertThat(past.matching()).isEqualTo(12);
    }

    @Test
    void theCommonFiltersUseTheirIndexes() {
        assertThat(plan(TickerFilter.builder().regions(Set.of(Region.JP)).sectors(any("45")).build()))
                .contains("ix_tickers_region_sector");
        assertThat(plan(TickerFilter.builder().regions(Set.of(Region.US)).sources(any(Source.KIS)).build()))
                .contains("ix_tickers_region_source");
    }

    /**
     * The query plan: SQLite's {@code EXPLAIN QUERY PLAN} (jOOQ's explain gives SQLite's byte code instead); on
     * PostgreSQL with sequential scans discouraged, since it would scan a table this small whatever the indexes.
     */
    private String plan(TickerFilter filter) {
        String sql = db.dsl().renderInlined(db.dsl().selectFrom(TICKERS).where(filter.condition()));
        if (backend() == TestStore.Backend.SQLITE) {
            return db.dsl().fetch("EXPLAIN QUERY PLAN " + sql).format();
        }
        return db.dsl().connectionResult(connection -> {
            DSLContext one = DSL.using(connection);
            one.execute("ANALYZE tickers");
            one.execute("SET enable_seqscan = off");
            return one.fetch("EXPLAIN " + sql).format();
        });
    }

    private static List<String> tickers(TickerQuery.Page page) {
        return page.rows().stream().map(TickersRecord::getTicker).toList();
    }
}
