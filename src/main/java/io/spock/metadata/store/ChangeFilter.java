package io.spock.metadata.store;

import io.spock.metadata.market.Region;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;

/**
 * Which classification changes {@code changes} looks at, as one typesafe condition on
 * {@code classification_history} (run and time are indexed, migration V9).
 *
 * @param runId   only this enrichment run's changes, or null for any
 * @param since   only changes at or after this time (the store's UTC time stamps), or null
 * @param regions never empty
 * @param sectors changes that moved a ticker into or out of these sectors; with {@code not:}, those that touched
 *                none of them
 * @param sources the source that made the change
 */
public record ChangeFilter(Integer runId, LocalDateTime since, Set<Region> regions, Selection<String> sectors,
                           Selection<Source> sources) {

    public ChangeFilter {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a filter needs at least one region");
        }
        regions = Set.copyOf(regions);
    }

    /** Every change, until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    public Condition condition() {
        var h = CLASSIFICATION_HISTORY;
        Condition from = sectors.on(h.OLD_SECTOR_CODE, code -> code);
        Condition to = sectors.on(h.NEW_SECTOR_CODE, code -> code);
        return DSL.and(
                runId == null ? DSL.noCondition() : h.RUN_ID.eq(runId),
                since == null ? DSL.noCondition() : h.CHANGED_AT.ge(since),
                h.REGION.in(regions.stream().sorted().map(Region::name).toList()),
                sectors.isAll() ? DSL.noCondition() : sectors.excluded() ? from.and(to) : from.or(to),
                sources.on(h.SOURCE, Source::name));
    }

    /** Builds a change filter: every run, time, region, sector and source until told otherwise. */
    public static final class Builder {
        private Integer runId;
        private LocalDateTime since;
        private Set<Region> regions = EnumSet.allOf(Region.class);
        private Selection<String> sectors = Selection.all();
        private Selection<Source> sources = Selection.all();

        private Builder() {
        }

        public Builder run(Integer value) {
            runId = value;
            return this;
        }

        public Builder since(LocalDateTime value) {
            since = value;
            return this;
        }

        public Builder regions(Set<Region> value) {
            regions = value;
            return this;
        }

        public Builder sectors(Selection<String> value) {
            sectors = value;
            return this;
        }

        public Builder sources(Selection<Source> value) {
            sources = value;
            return this;
        }

        public ChangeFilter build() {
            return new ChangeFilter(runId, since, regions, sectors, sources);
        }
    }
}
