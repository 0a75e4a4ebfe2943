package io.spock.metadata.sec;

import com.fasterxml.jackson.databind.JsonNode;
import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.JsonBody;
import io.spock.metadata.bulk.ListFormatException;
import io.spock.metadata.market.UsSymbol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SEC's {@code https://www.sec.gov/files/company_tickers_exchange.json}:
 * {@code {"fields":["cik","name","ticker","exchange"],"data":[[320193,"Apple Inc.","AAPL","Nasdaq"],…]}}. Columns are
 * found by name. Tickers are keyed by {@link UsSymbol#key}; a ticker listed twice keeps its first row.
 */
public final class SecTickersParser implements BulkList.Parser<Map<String, SecListing>> {

    /** @throws ListFormatException HTML, invalid JSON, no {@code fields} with cik and ticker, or no {@code data} */
    @Override
    public Map<String, SecListing> parse(byte[] data) {
        JsonNode root = JsonBody.read(data);
        List<String> fields = new ArrayList<>();
        root.path("fields").forEach(f -> fields.add(f.asText()));
        int cik = fields.indexOf("cik");
        int ticker = fields.indexOf("ticker");
        int name = fields.indexOf("name");
        int exchange = fields.indexOf("exchange");
        if (cik < 0 || ticker < 0) {
            throw new ListFormatException("no \"fields\" naming cik and ticker");
        }
        JsonNode rows = root.path("data");
        if (!rows.isArray()) {
            throw new ListFormatException("no \"data\" array");
        }
        Map<String, SecListing> byTicker = new HashMap<>();
        for (JsonNode row : rows) {
            if (!row.isArray() || !row.path(cik).canConvertToLong() || row.path(ticker).asText("").isBlank()) {
                throw new ListFormatException("a row without a numeric cik and a ticker: " + row);
            }
            SecListing listing = new SecListing(row.path(cik).asLong(), name < 0 ? "" : row.path(name).asText(""),
                    row.path(ticker).asText().strip(), exchange < 0 ? "" : row.path(exchange).asText(""));
            byTicker.putIfAbsent(UsSymbol.key(listing.ticker()), listing);
        }
        return byTicker;
    }

    @Override
    public int rows(Map<String, SecListing> parsed) {
        return parsed.size();
    }
}
