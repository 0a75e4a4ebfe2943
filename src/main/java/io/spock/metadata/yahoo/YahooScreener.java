package io.spock.metadata.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Yahoo Finance's equity screener ({@code POST /v1/finance/screener?crumb=…}): the request body for one page of one
 * region × sector, and the reading of its answer. The rows carry no sector: the sector is the filter. At most 250
 * rows per page.
 *
 * @see <a href="https://github.com/ranaroussi/yfinance/blob/main/yfinance/screener/screener.py">yfinance
 *      screener (request shape, 250 rows per page)</a>
 */
public final class YahooScreener {

    /** Yahoo's 11 sectors, as the screener's {@code sector} filter spells them. */
    public static final List<String> SECTORS = List.of("Basic Materials", "Communication Services",
            "Consumer Cyclical", "Consumer Defensive", "Energy", "Financial Services", "Healthcare", "Industrials",
            "Real Estate", "Technology", "Utilities");

    /** Our regions → Yahoo's screener region codes (yfinance {@code EQUITY_SCREENER_EQ_MAP}). */
    public static final Map<String, String> REGIONS = Map.of("US", "us", "CN", "cn", "HK", "hk", "JP", "jp",
            "VN", "vn");

    public static final int MAX_PAGE = 250;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page of the screener's answer: the symbols on it and how many the filter matches in all. */
    public record Page(int total, List<String> symbols) {
    }

    private YahooScreener() {
    }

    /** The JSON body asking for one page of EQUITY rows of a region and sector, sorted by ticker. */
    public static String body(String yahooRegion, String sector, int offset, int size) {
        ObjectNode body = JSON.createObjectNode();
        body.put("offset", offset).put("size", Math.min(size, MAX_PAGE)).put("sortField", "ticker")
                .put("sortType", "ASC").put("quoteType", "EQUITY");
        ObjectNode query = body.putObject("query").put("operator", "and");
        ArrayNode operands = query.putArray("operands");
        operands.addObject().put("operator", "eq").putArray("operands").add("region").add(yahooRegion);
        operands.addObject().put("operator", "eq").putArray("operands").add("sector").add(sector);
        body.put("userId", "").put("userIdType", "guid");
        return body.toString();
    }

    /**
     * Reads {@code {"finance":{"result":[{"total":N,"quotes":[{"symbol":…},…]}],"error":null}}}.
     *
     * @throws IllegalArgumentException with a one-line reason: HTML, invalid JSON, a {@code finance.error}, or no
     *                                  {@code result}
     */
    public static Page parse(String json) {
        String start = json == null ? "" : json.stripLeading();
        if (start.startsWith("<")) {
            throw new IllegalArgumentException("an HTML page instead of JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(start);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON (truncated?): " + e.getOriginalMessage());
        }
        JsonNode error = root.path("finance").path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new IllegalArgumentException("Yahoo screener error: " + error.path("description").asText(
                    error.toString()));
        }
        JsonNode result = root.path("finance").path("result").path(0);
        if (!result.isObject() || !result.path("quotes").isArray()) {
            throw new IllegalArgumentException("no finance.result[0].quotes");
        }
        List<String> symbols = new ArrayList<>();
        result.path("quotes").forEach(q -> {
            String symbol = q.path("symbol").asText("").strip();
            if (!symbol.isEmpty()) {
                symbols.add(symbol);
            }
        });
        return new Page(result.path("total").asInt(symbols.size()), symbols);
    }
}
