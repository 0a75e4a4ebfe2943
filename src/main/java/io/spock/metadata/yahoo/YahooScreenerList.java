package io.spock.metadata.yahoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.JsonBody;
import io.spock.metadata.bulk.ListFormatException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One region's screener result as the cache keeps it: every symbol the screener listed with the sector it was listed
 * under, {@code {"rows":[["AAPL","Technology"],…]}} (a run assembles it from all the region's pages).
 */
public final class YahooScreenerList implements BulkList.Parser<Map<String, String>> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kept form of symbol → Yahoo sector. */
    public static byte[] encode(Map<String, String> sectorBySymbol) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rows = root.putArray("rows");
        sectorBySymbol.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.addArray().add(e.getKey()).add(e.getValue()));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, String> parse(byte[] data) {
        JsonNode rows = JsonBody.read(data).path("rows");
        if (!rows.isArray()) {
            throw new ListFormatException("no \"rows\" array");
        }
        Map<String, String> bySymbol = new HashMap<>();
        rows.forEach(r -> bySymbol.put(r.path(0).asText(), r.path(1).asText()));
        return bySymbol;
    }

    @Override
    public int rows(Map<String, String> parsed) {
        return parsed.size();
    }
}
