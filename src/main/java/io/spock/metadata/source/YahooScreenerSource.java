package io.spock.metadata.source;

import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.ListRefresher;
import io.spock.metadata.bulk.Loaded;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code yahoo_screener} source: Yahoo Finance's screener, paged through each region × Yahoo's 11 sectors, 250
 * rows a page (about 100–150 requests for all five regions), once per maximum age (a day by default). The rows carry
 * no sector: the sector is the filter they were listed under, mapped through {@code config/yahoo_sector_to_gics.json}
 * with that file's confidence. It shares the Yahoo session, rate limiter and circuit breaker with the per-ticker
 * {@code yahoo} source.
 */
public final class YahooScreenerSource extends ListSource {

    public static final Source ID = Source.of("YAHOO_SCREENER");

    private final Map<Region, BulkList<Map<String, String>>> lists;
    private final YahooSectorMapping mapping;
    private final Map<Region, Loaded<Map<String, String>>> loaded = new ConcurrentHashMap<>();

    /** @param lists one per region; {@code mapping} may be null when switched off */
    public YahooScreenerSource(Map<Region, BulkList<Map<String, String>>> lists, ListRefresher refresher,
                               YahooSectorMapping mapping, boolean switchedOn, Clock clock) {
        super(ID, refresher, switchedOn && mapping != null, clock);
        this.lists = Map.copyOf(lists);
        this.mapping = mapping;
    }

    @Override
    public void prepare(Region region, List<Candidate> due) {
        BulkList<Map<String, String>> list = lists.get(region);
        if (switchedOn && list != null && !due.isEmpty()) {
            loaded.put(region, refresher.load(list, false));
        }
    }

    @Override
    public Answer answer(Candidate candidate, RegionView region) {
        Instant now = clock.instant();
        Optional<Answer> outside = notCovered(candidate, null, null, now);
        if (outside.isPresent()) {
            return outside.get();
        }
        Loaded<Map<String, String>> current = loaded.get(Region.valueOf(candidate.region()));
        Optional<Map<String, String>> rows = current == null ? Optional.empty() : current.list();
        if (rows.isEmpty()) {
            return noList("Yahoo screener list", current, now);
        }
        String yahooSector = rows.get().get(candidate.yahooSymbol());
        if (yahooSector == null) {
            return Answer.without(ID, Verdict.NONE, "not in Yahoo's screener", now);
        }
        Optional<GicsSector> sector = mapping.resolveYahooSectorName(yahooSector);
        if (sector.isEmpty()) {
            return Answer.without(ID, Verdict.NONE, "unknown Yahoo sector '" + yahooSector + "'", now);
        }
        return Answer.sector(ID, sector.get(), mapping.confidence(yahooSector), yahooSector, yahooSector,
                "Yahoo screener " + yahooSector + " (" + mapping.confidence(yahooSector) + ")", now)
                .withDetail("Yahoo screener, region " + candidate.region());
    }

    @Override
    public List<ListStatus> lists() {
        return lists.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new ListStatus(e.getValue().name(), refresher.cache().meta(e.getValue().name(),
                        e.getValue().url()))).toList();
    }

    @Override
    public List<String> refresh() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Region, BulkList<Map<String, String>>> e : lists.entrySet()) {
            Loaded<Map<String, String>> now = refresher.load(e.getValue(), true);
            loaded.put(e.getKey(), now);
            now.problem().ifPresent(problems::add);
        }
        return problems;
    }
}
