package io.spock.metadata.store;

import io.spock.metadata.market.Region;
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

/** Per-region counts in one grouped query, so {@code status} stays fast on a large universe. */
public final class StatusQuery {

    private final DSLContext dsl;

    public StatusQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<RegionStatus> byRegion(Collection<Region> regions, LocalDateTime staleBefore) {
        List<String> names = regions.stream().map(Enum::name).toList();
        Field<Integer> total = DSL.count().as("total");
        Field<Integer> classified = countWhere(TICKERS.SECTOR_CODE.isNotNull(), "classified");
        Field<Integer> notApplicable = countWhere(statusIs(TickerStatus.NOT_APPLICABLE), "not_applicable");
        Field<Integer> unclassified = countWhere(TICKERS.SECTOR_CODE.isNull()
                .and(TICKERS.STATUS.ne(TickerStatus.NOT_APPLICABLE.name())), "unclassified");
        Field<Integer> notFound = countWhere(statusIs(TickerStatus.NOT_FOUND), "not_found");
        Field<Integer> failed = countWhere(statusIs(TickerStatus.FAILED), "failed");
        Field<Integer> deferred = countWhere(statusIs(TickerStatus.DEFERRED), "deferred");
        Field<Integer> disagreements = countWhere(TICKERS.DISAGREEMENT.isTrue().and(Source.notManual()),
                "disagreements");
        Field<Integer> stale = countWhere(TICKERS.SECTOR_CODE.isNotNull()
                .and(TICKERS.SOURCE.ne(Source.MANUAL.name()))
                .and(TICKERS.LAST_ENRICHED.lt(staleBefore)), "stale");

        Condition listed = TICKERS.REGION.in(names).and(TICKERS.DELISTED.isFalse());
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
        Map<String, LocalDateTime> lastRuns = dsl.select(RUN_REGIONS.REGION, DSL.max(RUN_REGIONS.FINISHED_AT))
                .from(RUN_REGIONS)
                .where(RUN_REGIONS.REGION.in(names))
                .groupBy(RUN_REGIONS.REGION)
                .fetchMap(RUN_REGIONS.REGION, DSL.max(RUN_REGIONS.FINISHED_AT));

        return regions.stream().map(region -> {
            Record r = counts.get(region.name());
            Function<Field<Integer>, Integer> get = f -> r == null ? 0 : r.get(f.getName(), Integer.class);
            return new RegionStatus(region.name(), get.apply(total), get.apply(classified),
                    bySource.getOrDefault(region.name(), Map.of()), get.apply(notApplicable),
                    get.apply(unclassified), get.apply(notFound), get.apply(failed), get.apply(deferred),
                    get.apply(stale), get.apply(disagreements), lastRuns.get(region.name()));
        }).collect(Collectors.toList());
    }

    private static Condition statusIs(TickerStatus status) {
        return TICKERS.STATUS.eq(status.name());
    }

    private static Field<Integer> countWhere(Condition condition, String alias) {
        return DSL.count().filterWhere(condition).as(alias);
    }
}
