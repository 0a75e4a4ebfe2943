package io.spock.metadata.yahoo;

import io.spock.metadata.bulk.Download;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Downloads one region's screener list: every one of Yahoo's 11 sectors, page by page, through the shared Yahoo
 * session ({@link YahooProfileService#screen}, which paces and retries each page). The result is the region's symbols
 * with the sector each was listed under, in {@link YahooScreenerList}'s kept form.
 */
public final class YahooScreenerPages {

    private final YahooProfileService yahoo;
    private final URI base;
    private final int pageSize;

    /** @param pageSize rows per page, at most {@link YahooScreener#MAX_PAGE} */
    public YahooScreenerPages(YahooProfileService yahoo, URI base, int pageSize) {
        this.yahoo = yahoo;
        this.base = base;
        this.pageSize = pageSize;
    }

    /**
     * Pages a region through every sector. The first page that still fails after its retries, or does not parse,
     * fails the whole list (a partial list would pass for a shorter market); paging a sector stops when the
     * screener's {@code total} is reached, or when a page is empty or brings no symbol not seen before (a server
     * that ignores the offset cannot keep the run paging).
     *
     * @param yahooRegion Yahoo's region code ({@code us}, {@code jp}, …)
     */
    public Download download(String yahooRegion) {
        Map<String, String> sectorBySymbol = new HashMap<>();
        int requests = 0;
        for (String sector : YahooScreener.SECTORS) {
            Set<String> seen = new HashSet<>();
            int offset = 0;
            int total = 1;
            while (offset < total) {
                ScreenerReply reply = yahoo.screen(base, YahooScreener.body(yahooRegion, sector, offset, pageSize));
                requests += reply.requests();
                if (reply instanceof ScreenerReply.Failure failure) {
                    return new Download.Failed(sector + " at " + offset + ": " + failure.reason(), requests);
                }
                YahooScreener.Page page;
                try {
                    page = YahooScreener.parse(((ScreenerReply.Page) reply).json());
                } catch (IllegalArgumentException e) {
                    return new Download.Failed("does not parse: " + sector + " at " + offset + ": " + e.getMessage(),
                            requests);
                }
                if (!seen.addAll(page.symbols())) {
                    break;
                }
                page.symbols().forEach(symbol -> sectorBySymbol.put(symbol, sector));
                total = page.total();
                offset += page.symbols().size();
            }
        }
        return new Download.Body(YahooScreenerList.encode(sectorBySymbol), null, null, requests);
    }
}
