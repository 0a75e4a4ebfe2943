package io.spock.metadata.source;

import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.ListRefresher;
import io.spock.metadata.bulk.Loaded;
import io.spock.metadata.classify.Crosswalk;
import io.spock.metadata.market.Region;
import io.spock.metadata.market.UsSymbol;
import io.spock.metadata.nasdaq.NasdaqRow;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code nasdaq} source: Nasdaq's stock screener, one request per exchange (NASDAQ, NYSE, AMEX) per maximum age
 * (a day by default). Nasdaq's <em>industry</em>, not its sector, maps to GICS through
 * {@code config/crosswalk_nasdaq_industry.csv}. US only.
 */
public final class NasdaqSource extends ListSource {

    public static final Source ID = Source.of("NASDAQ");

    private final List<BulkList<Map<String, NasdaqRow>>> lists;
    private final Crosswalk industries;
    private volatile Map<String, NasdaqRow> rows = Map.of();
    private volatile List<String> problems = List.of();

    /** @param lists one per exchange */
    public NasdaqSource(List<BulkList<Map<String, NasdaqRow>>> lists, ListRefresher refresher, Crosswalk industries,
                        boolean switchedOn, Clock clock) {
        super(ID, refresher, switchedOn, clock);
        this.lists = List.copyOf(lists);
        this.industries = industries;
    }

    @Override
    public void prepare(Region region, List<Candidate> due) {
        if (switchedOn && region == Region.US && !due.isEmpty()) {
            load(false);
        }
    }

    private List<String> load(boolean force) {
        Map<String, NasdaqRow> merged = new HashMap<>();
        List<String> failed = new ArrayList<>();
        for (BulkList<Map<String, NasdaqRow>> list : lists) {
            Loaded<Map<String, NasdaqRow>> loaded = refresher.load(list, force);
            loaded.list().ifPresent(merged::putAll);
            loaded.problem().ifPresent(failed::add);
        }
        rows = merged;
        problems = List.copyOf(failed);
        return problems;
    }

    @Override
    public Answer answer(Candidate candidate, RegionView region) {
        Instant now = clock.instant();
        Optional<Answer> outside = notCovered(candidate, Region.US, "Nasdaq's screener lists US stocks only", now);
        if (outside.isPresent()) {
            return outside.get();
        }
        NasdaqRow row = rows.get(UsSymbol.key(candidate.ticker()));
        if (row == null) {
            return Answer.without(ID, Verdict.NONE, rows.isEmpty() ? "no Nasdaq screener list"
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")")
                    : "not in Nasdaq's screener", now);
        }
        if (row.industry().isEmpty()) {
            return Answer.without(ID, Verdict.NONE, "Nasdaq's screener gives no industry for " + row.symbol(), now);
        }
        return industries.lookup(row.industry())
                .map(c -> Crosswalked.answer(ID, "Nasdaq industry", c, row.industry(),
                        row.sector().isEmpty() ? row.industry() : row.sector() + " / " + row.industry(),
                        "Nasdaq stock screener", now))
                .orElseGet(() -> Answer.without(ID, Verdict.NONE, "Nasdaq industry '" + row.industry()
                        + "' is not in " + industries.file().getFileName(), now));
    }

    @Override
    public List<ListStatus> lists() {
        return lists.stream().map(l -> new ListStatus(l.name(), refresher.cache().meta(l.name(), l.url()))).toList();
    }

    @Override
    public List<String> refresh() {
        return load(true);
    }
}
