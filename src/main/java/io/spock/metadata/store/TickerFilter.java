package io.spock.metadata.store;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.market.Region;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Which tickers an operator is looking at: the filters of {@code tickers}, {@code export-csv} and
 * {@code coverage-report}, combined with AND, as one typesafe jOOQ condition on {@code tickers} (values are bound,
 * never concatenated). Region with sector, and region with source, are indexed (migration V9).
 *
 * @param regions      the regions, never empty, in the order results list them
 * @param sectors      GICS sector codes (two digits)
 * @param kisCodes     KIS industry codes, three digits
 * @param names        text that the English or Korean name contains, case-insensitive
 * @param stale        only classifications older than {@code staleBefore} (manual fixes never are)
 * @param staleBefore  when a classification becomes stale; also what coverage-report counts as stale
 * @param delisted     only delisted (true), only listed (false), or both (null); likewise the other flags
 * @param disagreement two sources of at least medium confidence disagree (manual fixes excepted, as in review)
 */
public record TickerFilter(Set<Region> regions, Selection<String> exchanges, Selection<String> sectors,
                           Selection<Source> sources, Selection<Confidence> confidences,
                           Selection<TickerStatus> statuses, Selection<String> kisCodes, Selection<String> names,
                           boolean stale, LocalDateTime staleBefore, Boolean delisted, Boolean spac,
                           Boolean preferred, Boolean disagreement) {

    public TickerFilter {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a filter needs at least one region");
        }
        regions = Collections.unmodifiableSet(new LinkedHashSet<>(regions));
        if (stale && staleBefore == null) {
            throw new IllegalArgumentException("a stale filter needs the time before which a ticker is stale");
        }
    }

    /** The listed tickers of some regions: what {@code status} and {@code coverage-report} count by default. */
    public static TickerFilter listed(Collection<Region> regions) {
        return builder().regions(regions).delisted(false).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The filters as one condition on {@code tickers}. */
    public Condition condition() {
        List<Condition> all = new ArrayList<>();
        all.add(TICKERS.REGION.in(regions.stream().sorted().map(Region::name).toList()));
        all.add(exchanges.on(TICKERS.EXCHANGE, code -> code));
        all.add(sectors.on(TICKERS.SECTOR_CODE, code -> code));
        all.add(sources.on(TICKERS.SOURCE, Source::name));
        all.add(confidences.on(TICKERS.CONFIDENCE, Confidence::name));
        all.add(statuses.on(TICKERS.STATUS, TickerStatus::name));
        all.add(kisCodes.on(TICKERS.KIS_CODE, code -> code));
        all.add(nameCondition());
        if (stale) {
            all.add(isStale(staleBefore));
        }
        all.add(flag(TICKERS.DELISTED, delisted));
        all.add(flag(TICKERS.IS_SPAC, spac));
        all.add(flag(TICKERS.IS_PREFERRED, preferred));
        if (disagreement != null) {
            all.add(disagreement ? isDisagreement() : DSL.not(isDisagreement()));
        }
        return DSL.and(all);
    }

    /**
     * A classification older than {@code before}, not fixed by hand: due again for {@code enrich}, and what
     * {@code status} and {@code coverage-report} count as stale.
     */
    public static Condition isStale(LocalDateTime before) {
        return TICKERS.SECTOR_CODE.isNotNull()
                .and(TICKERS.SOURCE.ne(DSL.inline(Source.MANUAL.name())))
                .and(TICKERS.LAST_ENRICHED.lt(before));
    }

    /** Sources that disagree, on a ticker not fixed by hand (a fix settles the question). */
    public static Condition isDisagreement() {
        return TICKERS.DISAGREEMENT.isTrue().and(Source.notManual());
    }

    /** Either name contains any of the texts; with {@code not:}, neither contains any. Empty names never match. */
    private Condition nameCondition() {
        if (names.isAll()) {
            return DSL.noCondition();
        }
        Condition any = DSL.falseCondition();
        for (String text : names.values()) {
            any = any.or(TICKERS.NAME_EN.isNotNull().and(TICKERS.NAME_EN.containsIgnoreCase(text)))
                    .or(TICKERS.NAME_KO.isNotNull().and(TICKERS.NAME_KO.containsIgnoreCase(text)));
        }
        return names.excluded() ? DSL.not(any) : any;
    }

    private static Condition flag(Field<Boolean> field, Boolean wanted) {
        return wanted == null ? DSL.noCondition() : wanted ? field.isTrue() : field.isFalse();
    }

    /** Builds a filter: every region, no other constraint, until told otherwise. */
    public static final class Builder {
        private Set<Region> regions = EnumSet.allOf(Region.class);
        private Selection<String> exchanges = Selection.all();
        private Selection<String> sectors = Selection.all();
        private Selection<Source> sources = Selection.all();
        private Selection<Confidence> confidences = Selection.all();
        private Selection<TickerStatus> statuses = Selection.all();
        private Selection<String> kisCodes = Selection.all();
        private Selection<String> names = Selection.all();
        private boolean stale;
        private LocalDateTime staleBefore;
        private Boolean delisted;
        private Boolean spac;
        private Boolean preferred;
        private Boolean disagreement;

        private Builder() {
        }

        public Builder regions(Collection<Region> value) {
            regions = new LinkedHashSet<>(value);
            return this;
        }

        public Builder exchanges(Selection<String> value) {
            exchanges = value;
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

        public Builder confidences(Selection<Confidence> value) {
            confidences = value;
            return this;
        }

        public Builder statuses(Selection<TickerStatus> value) {
            statuses = value;
            return this;
        }

        public Builder kisCodes(Selection<String> value) {
            kisCodes = value;
            return this;
        }

        public Builder names(Selection<String> value) {
            names = value;
            return this;
        }

        /** Only classifications older than {@code before} when {@code only}; {@code before} is kept either way. */
        public Builder stale(boolean only, LocalDateTime before) {
            stale = only;
            staleBefore = before;
            return this;
        }

        public Builder delisted(Boolean value) {
            delisted = value;
            return this;
        }

        public Builder spac(Boolean value) {
            spac = value;
            return this;
        }

        public Builder preferred(Boolean value) {
            preferred = value;
            return this;
        }

        public Builder disagreement(Boolean value) {
            disagreement = value;
            return this;
        }

        public TickerFilter build() {
            return new TickerFilter(regions, exchanges, sectors, sources, confidences, statuses, kisCodes, names,
                    stale, staleBefore, delisted, spac, preferred, disagreement);
        }
    }
}
