package io.spock.metadata.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * Reads a {@code /v1/finance/search} body: {@code quotes[]}, each with {@code symbol}, {@code quoteType},
 * {@code exchange}, {@code longname}, {@code shortname} and, for equities, {@code sector} and {@code industry} (the
 * recorded shape is yahoo-finance2's {@code tests/fixtures/http/search-*.json}). Only the quote whose symbol equals
 * ours exactly counts: a search for {@code VCB.VN} can also return US matches.
 */
final class SearchParser {

    /**
     * What the search said.
     *
     * @param answer present when the search answers for quoteSummary: a sector, or a quote type without sectors
     * @param label  the request's outcome for the metrics: {@code ok}, {@code no_sector} (an equity without a
     *               sector), {@code no_match} (our symbol is not among the quotes), {@code transient} (unreadable)
     */
    record Reading(Optional<YahooLookup> answer, String label) {
    }

    private final ObjectMapper mapper;

    SearchParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Reading parse(String body, String symbol) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException malformed) {
            root = null;
        }
        if (root == null) {
            return new Reading(Optional.empty(), "transient");
        }
        for (JsonNode quote : root.path("quotes")) {
            if (symbol.equals(quote.path("symbol").asText(null))) {
                YahooProfile profile = new YahooProfile(text(quote, "sector"), text(quote, "industry"),
                        text(quote, "quoteType"), text(quote, "longname"), text(quote, "shortname"),
                        YahooEndpoint.SEARCH);
                if (profile.sector().isPresent()) {
                    return new Reading(Optional.of(new YahooLookup.Found(profile)), "ok");
                }
                return profile.sectorlessType() ? new Reading(Optional.of(new YahooLookup.NoSector(profile)), "ok")
                        : new Reading(Optional.empty(), "no_sector");
            }
        }
        return new Reading(Optional.empty(), "no_match");
    }

    private static Optional<String> text(JsonNode quote, String field) {
        JsonNode node = quote.path(field);
        return node.isTextual() && !node.textValue().isBlank() ? Optional.of(node.textValue().strip())
                : Optional.empty();
    }
}
