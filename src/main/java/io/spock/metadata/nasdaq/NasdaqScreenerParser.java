package io.spock.metadata.nasdaq;

import com.fasterxml.jackson.databind.JsonNode;
import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.JsonBody;
import io.spock.metadata.bulk.ListFormatException;
import io.spock.metadata.market.UsSymbol;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads one answer of Nasdaq's stock screener ({@code /api/screener/stocks?tableonly=true&download=true&exchange=X}):
 * {@code {"data":{"rows":[{"symbol","name","industry","sector",…}]}}}. Rows are keyed by {@link UsSymbol#key}.
 */
public final class NasdaqScreenerParser implements BulkList.Parser<Map<String, NasdaqRow>> {

    /** @throws ListFormatException HTML, invalid JSON, no {@code data.rows} array, or rows without a symbol */
    @Override
    public Map<String, NasdaqRow> parse(byte[] data) {
        JsonNode rows = JsonBody.read(data).path("data").path("rows");
        if (!rows.isArray()) {
            throw new ListFormatException("no data.rows array");
        }
        Map<String, NasdaqRow> bySymbol = new HashMap<>();
        for (JsonNode row : rows) {
            String symbol = row.path("symbol").asText("").strip();
            if (symbol.isEmpty()) {
                throw new ListFormatException("a row without a symbol");
            }
            bySymbol.put(UsSymbol.key(symbol), new NasdaqRow(symbol, row.path("name").asText("").strip(),
                    row.path("industry").asText("").strip(), row.path("sector").asText("").strip()));
        }
        return bySymbol;
    }

    @Override
    public int rows(Map<String, NasdaqRow> parsed) {
        return parsed.size();
    }
}
