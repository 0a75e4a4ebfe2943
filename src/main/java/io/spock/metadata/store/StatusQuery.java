package io.spock.metadata.store;

import io.spock.metadata.market.Region;
import io.spock.metadata.store.generated.tables.RunRegions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/** Per-region counts in one grouped query, so {@code status} stays fast on a large universe, and each region's last run. */
public final class StatusQuery {

    private static final String INTERRUPTED = "INTERRUPTED";

    private final DSLContext dsl;

    public StatusQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Per region, the listed tickers' counts; stale means classified before {@code staleBefore}. */
    public List<RegionStatus> byRegion(Collection<Region> regions, LocalDateTime staleBefore) {
        return byRegion(TickerFilter.listed(regions), staleBefore);
    }

    /**
     * Per region of the filter, in the filter's order, the counts of the tickers it selects (coverage-report's filters).
     *
     * @param staleBefore classifications older than this count as stale
     */
    public List<RegionStatus> byRegion(TickerFilter filter, LocalDateTime staleBefore) {
        Collection<Region> regions = filter.regions();
        List<String> names = regions.stream().map(Enum::name).toList();
        Field<Integer> total = DSL.count().as("total");
        Field<Integer> classified = countWhere(TICKERS.SECTOR_CODE.isNotNull(), "classified");
        Field<Integer> notApplicable = countWhere(statusIs(TickerStatus.NOT_APPLICABLE), "not_applicable");
        Field<Integer> unclassified = countWhere(TICKERS.SECTOR_CODE.isNull()
                .and(TICKERS.STATUS.ne(TickerStatus.NOT_APPLICABLE.name())), "unclassified");
        Field<Integer> notFound = countWhere(statusIs(TickerStatus.NOT_FOUND), "not_found");
        Field<Integer> failed = countWhere(statusIs(TickerStatus.FAILED), "failed");
        Field<Integer> deferred = countWhere(statusIs(TickerStatus.DEFERRED), "deferred");
        Field<Integer> disagreements = countWhere(TickerFilter.isDisagreement(), "disagreements");
        Field<Integer> stale = countWhere(TickerFilter.isStale(staleBefore), "stale");

        Condition listed = filter.condition();
        Map<String, ? extends Record> counts = dsl.select(TICKERS.REGION, total, classified, notApplicable,
                        unclassified, notFound, failed, deferred, stale, disagreements)
                .from(TICKERS)
                .where(listed)
                .groupBy(TICKERS.REGION)
                .fetchMap(TICKERS.REGION);
        Map<String, Map<Source, Integer>> bySource = new HashMap<>();
        dsl.select(TICKERS.REGION, TICKERS.SOURCE, DSL.count())
                .from(TICKERS)
                .where(listed.and(TICKERS.SECTOR_CODE.isNotNull()).and(TICKERS.SOURCE.isNotNull()))
                .groupBy(TICKERS.REGION, TICKERS.SOURCE)
                .forEach(r -> bySource.computeIfAbsent(r.value1(), k -> new HashMap<>())
                        .put(Source.of(r.value2()), r.value3()));
        Map<String, Record> lastRuns = lastRuns(names);

        return regions.stream().map(region -> {
            Record r = counts.get(region.name());
            Function<Field<Integer>, Integer> get = f -> r == null ? 0 : r.get(f.getName(), Integer.class);
            Record last = lastRuns.get(region.name());
            return new RegionStatus(region.name(), get.apply(total), get.apply(classified),
                    bySource.getOrDefault(region.name(), Map.of()), get.apply(notApplicable),
                    get.apply(unclassified), get.apply(notFound), get.apply(failed), get.apply(deferred),
                    get.apply(stale), get.apply(disagreements),
                    last == null ? null : last.get(RUN_REGIONS.FINISHED_AT),
                    last == null ? null : last.get(RUN_REGIONS.STATUS));
        }).collect(Collectors.toList());
    }

    /**
     * Each region's latest row in {@code run_regions}, leaving out the rows of regions a run never started (an
     * interrupted run records those as INTERRUPTED with nothing done and no time spent).
     */
    private Map<String, Record> lastRuns(List<String> regions) {
        RunRegions later = RUN_REGIONS.as("later");
        return dsl.select(RUN_REGIONS.REGION, RUN_REGIONS.STATUS, RUN_REGIONS.FINISHED_AT)
                .from(RUN_REGIONS)
                .where(RUN_REGIONS.REGION.in(regions).and(tookPart(RUN_REGIONS)))
                .and(RUN_REGIONS.RUN_ID.eq(DSL.select(DSL.max(later.RUN_ID)).from(later)
                        .where(later.REGION.eq(RUN_REGIONS.REGION).and(tookPart(later)))))
                .fetchMap(RUN_REGIONS.REGION, r -> (Record) r);
    }

    private static Condition tookPart(RunRegions row) {
        return DSL.not(row.STATUS.eq(INTERRUPTED).and(row.TOTAL.eq(0)).and(row.DURATION_MS.eq(0L)));
    }

    private static Condition statusIs(TickerStatus status) {
        return TICKERS.STATUS.eq(status.name());
    }

    private static Field<Integer> countWhere(Condition condition, String alias) {
        return DSL.count().filterWhere(condition).as(alias);
    }
}
