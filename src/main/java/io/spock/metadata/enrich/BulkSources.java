package io.spock.metadata.enrich;

import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.Download;
import io.spock.metadata.bulk.ListCache;
import io.spock.metadata.bulk.ListHttp;
import io.spock.metadata.bulk.ListRefresher;
import io.spock.metadata.classify.Crosswalk;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.http.TimeSource;
import io.spock.metadata.http.TokenBucket;
import io.spock.metadata.jpx.JpxList;
import io.spock.metadata.jpx.JpxWorkbookParser;
import io.spock.metadata.nasdaq.NasdaqRow;
import io.spock.metadata.nasdaq.NasdaqScreenerParser;
import io.spock.metadata.sec.SecListing;
import io.spock.metadata.sec.SecTickersParser;
import io.spock.metadata.sec.SicCache;
import io.spock.metadata.source.BulkSource;
import io.spock.metadata.source.JpxSource;
import io.spock.metadata.source.NasdaqSource;
import io.spock.metadata.source.SecSource;
import io.spock.metadata.source.YahooScreenerSource;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.market.Region;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooScreener;
import io.spock.metadata.yahoo.YahooScreenerList;
import io.spock.metadata.yahoo.YahooScreenerPages;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the bulk-list sources from their settings: the requests each one makes (the documented paths under the
 * configured URLs), the crosswalk files each one maps through, and the one cache folder and refresher they share.
 */
public final class BulkSources {

    public static final String TSE33_FILE = "crosswalk_tse33.csv";
    public static final String NASDAQ_FILE = "crosswalk_nasdaq_industry.csv";
    public static final String SIC_FILE = "crosswalk_sic.csv";
    /** The exchanges Nasdaq's screener is asked about, one request each. */
    static final List<String> NASDAQ_EXCHANGES = List.of("NASDAQ", "NYSE", "AMEX");

    private final SourcesProperties settings;
    private final Path configDir;
    private final GicsTaxonomy gics;
    private final Clock clock;
    private final ListHttp http;
    private final ListRefresher refresher;
    private List<BulkSource> sources;
    private YahooProfileService yahoo;
    private YahooSectorMapping yahooMapping;

    /**
     * @param cacheDir the cache folder beside the database ({@code db/cache})
     * @throws io.spock.metadata.app.UsageException (exit 2) naming a bad setting (see {@link SourcesProperties#validated})
     */
    public BulkSources(SourcesProperties settings, Path cacheDir, Path configDir, GicsTaxonomy gics, Clock clock) {
        this.settings = settings.validated();
        this.configDir = configDir;
        this.gics = gics;
        this.clock = clock;
        this.http = new ListHttp(new ListHttp.Limits(ListHttp.Limits.defaults().connectTimeout(),
                settings.deadline(), settings.maxBytes()));
        this.refresher = new ListRefresher(new ListCache(cacheDir), clock);
    }

    /**
     * The Yahoo session the screener pages through (shared with the per-ticker lookups), and the sector map its
     * answers go through. Without them the screener is switched off.
     */
    public BulkSources yahoo(YahooProfileService service, YahooSectorMapping mapping) {
        this.yahoo = service;
        this.yahooMapping = mapping;
        return this;
    }

    public ListRefresher refresher() {
        return refresher;
    }

    public ListHttp http() {
        return http;
    }

    /**
     * The bulk sources, built once: the same instances feed the pipeline and the {@code sources} command.
     *
     * @throws io.spock.metadata.classify.MappingFileException (exit 2) when a crosswalk file is bad
     * @throws io.spock.metadata.app.UsageException (exit 2) when a URL setting is not a URL
     */
    public synchronized List<BulkSource> sources() {
        if (sources == null) {
            sources = List.of(yahooScreener(), jpx(), nasdaq(), sec());
        }
        return sources;
    }

    public YahooScreenerSource yahooScreener() {
        SourcesProperties.YahooScreener p = settings.yahooScreener();
        URI base = p.uri();
        Map<Region, BulkList<Map<String, String>>> lists = new EnumMap<>(Region.class);
        YahooScreenerPages pages = yahoo == null ? null : new YahooScreenerPages(yahoo, base, p.pageSize());
        for (Region region : Region.values()) {
            String code = YahooScreener.REGIONS.get(region.name());
            lists.put(region, new BulkList<>("yahoo-screener-" + code, base + " region " + code, p.maxAge(),
                    conditional -> pages.download(code), new YahooScreenerList()));
        }
        return new YahooScreenerSource(lists, refresher, yahooMapping, p.enabled() && yahoo != null, clock);
    }

    public JpxSource jpx() {
        SourcesProperties.Jpx p = settings.jpx();
        URI uri = p.uri();
        BulkList<JpxList> list = new BulkList<>("jpx", uri.toString(), p.maxAge(),
                conditional -> http.get(uri, Map.of("Accept", "*/*"), conditional), new JpxWorkbookParser());
        return new JpxSource(list, refresher, crosswalk(TSE33_FILE, Crosswalk.Matching.EXACT), p.enabled(), clock);
    }

    public NasdaqSource nasdaq() {
        SourcesProperties.Nasdaq p = settings.nasdaq();
        URI base = p.uri();
        Map<String, String> headers = Map.of("User-Agent", p.agent(), "Accept", "application/json, text/plain, */*");
        List<BulkList<Map<String, NasdaqRow>>> lists = new ArrayList<>();
        NasdaqScreenerParser parser = new NasdaqScreenerParser();
        for (String exchange : NASDAQ_EXCHANGES) {
            URI uri = resolve(base, "/api/screener/stocks?tableonly=true&limit=25&offset=0&exchange=" + exchange
                    + "&download=true");
            lists.add(new BulkList<>("nasdaq-" + exchange.toLowerCase(Locale.ROOT), uri.toString(), p.maxAge(),
                    conditional -> http.get(uri, headers, conditional), parser));
        }
        return new NasdaqSource(lists, refresher, crosswalk(NASDAQ_FILE, Crosswalk.Matching.EXACT), p.enabled(),
                clock);
    }

    public SecSource sec() {
        SourcesProperties.Sec p = settings.sec();
        Map<String, String> headers = p.hasContact()
                ? Map.of("User-Agent", p.userAgent().strip(), "Accept", "application/json")
                : Map.of("Accept", "application/json");
        URI tickersUri = resolve(p.uri(), "/files/company_tickers_exchange.json");
        BulkList<Map<String, SecListing>> tickers = new BulkList<>("sec-tickers", tickersUri.toString(), p.maxAge(),
                conditional -> http.get(tickersUri, headers, conditional), new SecTickersParser());
        URI data = p.dataUri();
        Function<String, Download> submission = cik -> http.get(resolve(data, "/submissions/CIK" + cik + ".json"),
                headers, ListHttp.Conditional.NONE);
        return new SecSource(tickers, submission, refresher, new SicCache(refresher.cache().dir()),
                crosswalk(SIC_FILE, Crosswalk.Matching.LONGEST_PREFIX),
                new SecSource.Settings(p.enabled(), p.hasContact(), p.companyMaxAge()),
                new TokenBucket(p.rate(), 1, TimeSource.system()), clock);
    }

    private Crosswalk crosswalk(String file, Crosswalk.Matching matching) {
        return Crosswalk.load(configDir.resolve(file), gics, matching);
    }

    /** The documented path under a configured base URL (a base with a path of its own keeps it). */
    static URI resolve(URI base, String pathAndQuery) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + pathAndQuery);
    }
}
