package io.spock.metadata.enrich;

import io.spock.metadata.store.Verdict;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Region;
import io.spock.metadata.source.Answer;
import io.spock.metadata.store.Source;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;

/** Reads kept answers back from {@code classification_evidence}. */
public final class EvidenceQuery {

    private final DSLContext dsl;
    private final GicsTaxonomy gics;
    private final ZoneId zone;

    public EvidenceQuery(DSLContext dsl, GicsTaxonomy gics, ZoneId zone) {
        this.dsl = dsl;
        this.gics = gics;
        this.zone = zone;
    }

    /** The kept answers of {@code sources} about the region's tickers, by ticker; empty when there are none. */
    public Map<String, List<Answer>> byTicker(Region region, Collection<Source> sources) {
        Map<String, List<Answer>> byTicker = new HashMap<>();
        if (sources.isEmpty()) {
            return byTicker;
        }
        var e = CLASSIFICATION_EVIDENCE;
        dsl.selectFrom(e)
                .where(e.REGION.eq(region.name()), e.SOURCE.in(sources.stream().map(Source::name).toList()))
                .forEach(row -> byTicker.computeIfAbsent(row.get(e.TICKER), t -> new ArrayList<>()).add(answer(row)));
        return byTicker;
    }

    /** Every kept answer about one ticker, in source order by name. */
    public List<Answer> of(String region, String ticker) {
        var e = CLASSIFICATION_EVIDENCE;
        return dsl.selectFrom(e).where(e.REGION.eq(region), e.TICKER.eq(ticker)).orderBy(e.SOURCE)
                .fetch(this::answer);
    }

    /** One source's kept answer about one ticker, if there is one. */
    public Optional<Answer> latest(String region, String ticker, Source source) {
        var e = CLASSIFICATION_EVIDENCE;
        return dsl.selectFrom(e).where(e.REGION.eq(region), e.TICKER.eq(ticker), e.SOURCE.eq(source.name()))
                .fetchOptional(this::answer);
    }

    private Answer answer(Record row) {
        var e = CLASSIFICATION_EVIDENCE;
        Verdict verdict = Verdict.valueOf(row.get(e.VERDICT));
        Source source = Source.of(row.get(e.SOURCE));
        var observed = row.get(e.OBSERVED_AT).atZone(zone).toInstant();
        Answer answer = verdict == Verdict.SECTOR
                ? Answer.sector(source, gics.sector(row.get(e.SECTOR_CODE)).orElseThrow(() -> new IllegalStateException(
                        "evidence for " + row.get(e.TICKER) + " names unknown sector " + row.get(e.SECTOR_CODE))),
                Confidence.valueOf(row.get(e.CONFIDENCE)), row.get(e.RAW_CODE), row.get(e.RAW_LABEL), null, observed)
                : Answer.without(source, verdict, null, observed).withRaw(row.get(e.RAW_CODE), row.get(e.RAW_LABEL));
        return answer.withIndustry(row.get(e.INDUSTRY_CODE), row.get(e.INDUSTRY)).withDetail(row.get(e.DETAIL));
    }
}
