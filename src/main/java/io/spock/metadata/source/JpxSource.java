package io.spock.metadata.source;

import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.ListRefresher;
import io.spock.metadata.bulk.Loaded;
import io.spock.metadata.classify.Crosswalk;
import io.spock.metadata.jpx.JpxIssue;
import io.spock.metadata.jpx.JpxList;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code jpx} source: JPX's monthly listed-issues workbook (one request per maximum age, 1 month by default),
 * its TSE 33-industry code mapped to GICS through {@code config/crosswalk_tse33.csv} with that row's confidence.
 * Japan only. ETF, REIT and PRO Market rows carry "-" as their industry: no answer, not an error.
 */
public final class JpxSource extends ListSource {

    public static final Source ID = Source.of("JPX");

    private final BulkList<JpxList> list;
    private final Crosswalk tse33;
    private volatile Loaded<JpxList> loaded;

    public JpxSource(BulkList<JpxList> list, ListRefresher refresher, Crosswalk tse33, boolean switchedOn,
                     Clock clock) {
        super(ID, refresher, switchedOn, clock);
        this.list = list;
        this.tse33 = tse33;
    }

    @Override
    public void prepare(Region region, List<Candidate> due) {
        if (switchedOn && region == Region.JP && !due.isEmpty()) {
            loaded = refresher.load(list, false);
        }
    }

    @Override
    public Answer answer(Candidate candidate, RegionView region) {
        Instant now = clock.instant();
        Optional<Answer> outside = notCovered(candidate, Region.JP, "JPX lists Tokyo issues only", now);
        if (outside.isPresent()) {
            return outside.get();
        }
        Loaded<JpxList> current = loaded;
        Optional<JpxList> jpx = current == null ? Optional.empty() : current.list();
        if (jpx.isEmpty()) {
            return noList("JPX list", current, now);
        }
        Optional<JpxIssue> issue = jpx.get().issue(candidate.ticker());
        if (issue.isEmpty()) {
            return Answer.without(ID, Verdict.NONE, "not in JPX's list of " + jpx.get().date(), now);
        }
        JpxIssue i = issue.get();
        if (!i.hasSector()) {
            return Answer.without(ID, Verdict.NONE, "JPX gives no industry for " + i.market(), now);
        }
        return tse33.lookup(i.sector33Code())
                .map(row -> Crosswalked.answer(ID, "TSE-33", row, i.sector33Code(), i.sector33Name(),
                        "JPX listed issues " + jpx.get().date(), now))
                .orElseGet(() -> Answer.without(ID, Verdict.NONE, "TSE-33 code " + i.sector33Code()
                        + " is not in " + tse33.file().getFileName(), now));
    }

    @Override
    public List<ListStatus> lists() {
        return List.of(new ListStatus(list.name(), refresher.cache().meta(list.name(), list.url())));
    }

    @Override
    public List<String> refresh() {
        loaded = refresher.load(list, true);
        return loaded.problem().stream().toList();
    }
}
