package io.spock.metadata.store;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.HashMap;
import java.util.Map;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/** How much of the listed universe each source answers with a sector (its kept evidence). */
public final class SourceShares {

    /**
     * @param listed   listed tickers (delisted ones left out)
     * @param answered per source, the listed tickers whose kept answer from it names a sector
     */
    public record Shares(int listed, Map<Source, Integer> answered) {
        public int answered(Source source) {
            return answered.getOrDefault(source, 0);
        }
    }

    private final DSLContext dsl;

    public SourceShares(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Shares count() {
        var e = CLASSIFICATION_EVIDENCE;
        int listed = dsl.fetchCount(TICKERS, TICKERS.DELISTED.isFalse());
        Map<Source, Integer> answered = new HashMap<>();
        dsl.select(e.SOURCE, DSL.count()).from(e).join(TICKERS)
                .on(TICKERS.REGION.eq(e.REGION).and(TICKERS.TICKER.eq(e.TICKER)))
                .where(e.VERDICT.eq(Verdict.SECTOR.name()).and(TICKERS.DELISTED.isFalse()))
                .groupBy(e.SOURCE)
                .forEach(r -> answered.put(Source.of(r.value1()), r.value2()));
        return new Shares(listed, Map.copyOf(answered));
    }
}
