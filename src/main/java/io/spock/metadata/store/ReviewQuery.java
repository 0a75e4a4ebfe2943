package io.spock.metadata.store;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.market.Region;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * The review queue: listed tickers, not fixed by hand, whose sources disagree, whose only answer is of low
 * confidence, or that a source does not know. Disagreements first, then by region and ticker.
 */
public final class ReviewQuery {

    /** One ticker to review, with every source's kept answer. */
    public record Item(String region, String ticker, String nameEn, String sectorCode, String sectorEn,
                       String source, String confidence, Set<ReviewReason> reasons, List<Opinion> opinions) {
    }

    /**
     * One source's kept answer, as stored.
     *
     * @param verdict    SECTOR, NOT_FOUND or NOT_APPLICABLE
     * @param sectorCode two digits, null unless SECTOR
     */
    public record Opinion(String source, String verdict, String sectorCode, String confidence) {
    }

    /** The page asked for and how many tickers match in all. */
    public record Page(List<Item> items, int matching) {
    }

    private final DSLContext dsl;

    public ReviewQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * @param reasons the reasons to list (any of them); all when empty
     * @param limit   the most tickers returned, 1 or more
     */
    public Page queue(Collection<Region> regions, Set<ReviewReason> reasons, int limit) {
        Condition where = queued(regions, reasons);
        int matching = dsl.fetchCount(TICKERS, where);
        Map<String, Item> items = new LinkedHashMap<>();
        dsl.select(TICKERS.REGION, TICKERS.TICKER, TICKERS.NAME_EN, TICKERS.SECTOR_CODE, TICKERS.SECTOR_EN,
                        TICKERS.SOURCE, TICKERS.CONFIDENCE, TICKERS.DISAGREEMENT, TICKERS.STATUS,
                        DSL.field(notFoundEvidence()).as("not_found"))
                .from(TICKERS)
                .where(where)
                .orderBy(TICKERS.DISAGREEMENT.desc(), TICKERS.REGION, TICKERS.TICKER)
                .limit(limit)
                .forEach(r -> {
                    Set<ReviewReason> why = EnumSet.noneOf(ReviewReason.class);
                    if (Boolean.TRUE.equals(r.get(TICKERS.DISAGREEMENT))) {
                        why.add(ReviewReason.DISAGREEMENT);
                    }
                    if (Confidence.LOW.name().equals(r.get(TICKERS.CONFIDENCE)) && r.get(TICKERS.SECTOR_CODE) != null) {
                        why.add(ReviewReason.LOW);
                    }
                    if (TickerStatus.NOT_FOUND.name().equals(r.get(TICKERS.STATUS))
                            || Boolean.TRUE.equals(r.get("not_found", Boolean.class))) {
                        why.add(ReviewReason.NOT_FOUND);
                    }
                    items.put(r.get(TICKERS.REGION) + " " + r.get(TICKERS.TICKER), new Item(r.get(TICKERS.REGION),
                            r.get(TICKERS.TICKER), r.get(TICKERS.NAME_EN), r.get(TICKERS.SECTOR_CODE),
                            r.get(TICKERS.SECTOR_EN), r.get(TICKERS.SOURCE), r.get(TICKERS.CONFIDENCE), why,
                            new ArrayList<>()));
                });
        if (!items.isEmpty()) {
            var e = CLASSIFICATION_EVIDENCE;
            Condition listed = DSL.falseCondition();
            for (Item item : items.values()) {
                listed = listed.or(e.REGION.eq(item.region()).and(e.TICKER.eq(item.ticker())));
            }
            dsl.select(e.REGION, e.TICKER, e.SOURCE, e.VERDICT, e.SECTOR_CODE, e.CONFIDENCE)
                    .from(e).where(listed).orderBy(e.SOURCE)
                    .forEach(r -> items.get(r.value1() + " " + r.value2()).opinions()
                            .add(new Opinion(r.value3(), r.value4(), r.value5(), r.value6())));
        }
        return new Page(List.copyOf(items.values()), matching);
    }

    /** Tickers in the queue per region, for every reason; regions with none are absent. */
    public Map<String, Integer> countsByRegion(Collection<Region> regions) {
        return dsl.select(TICKERS.REGION, DSL.count()).from(TICKERS).where(queued(regions, Set.of()))
                .groupBy(TICKERS.REGION).fetchMap(TICKERS.REGION, DSL.count());
    }

    /** Listed tickers of the regions, not fixed by hand, that need review for any of the reasons (all if empty). */
    private static Condition queued(Collection<Region> regions, Set<ReviewReason> reasons) {
        Set<ReviewReason> wanted = reasons.isEmpty() ? EnumSet.allOf(ReviewReason.class) : EnumSet.copyOf(reasons);
        Condition any = DSL.falseCondition();
        for (ReviewReason reason : wanted) {
            any = any.or(condition(reason));
        }
        return TICKERS.REGION.in(regions.stream().map(Enum::name).toList())
                .and(TICKERS.DELISTED.isFalse()).and(Source.notManual()).and(any);
    }

    private static Condition condition(ReviewReason reason) {
        return switch (reason) {
            case DISAGREEMENT -> TICKERS.DISAGREEMENT.isTrue();
            case LOW -> TICKERS.CONFIDENCE.eq(DSL.inline(Confidence.LOW.name())).and(TICKERS.SECTOR_CODE.isNotNull());
            case NOT_FOUND -> TICKERS.STATUS.eq(DSL.inline(TickerStatus.NOT_FOUND.name())).or(notFoundEvidence());
        };
    }

    private static Condition notFoundEvidence() {
        var e = CLASSIFICATION_EVIDENCE;
        return DSL.exists(DSL.selectOne().from(e).where(e.REGION.eq(TICKERS.REGION), e.TICKER.eq(TICKERS.TICKER),
                e.VERDICT.eq(DSL.inline(Verdict.NOT_FOUND.name()))));
    }
}
