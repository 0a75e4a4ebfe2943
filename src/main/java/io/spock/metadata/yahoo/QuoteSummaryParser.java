package io.spock.metadata.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * Turns a quoteSummary JSON body into a {@link YahooLookup}. HTTP-level concerns (status codes other than 200/404,
 * consent pages, retries) belong to {@link YahooFinanceClient}.
 */
final class QuoteSummaryParser {

    static final String NOT_FOUND_CODE = "Not Found";

    private final ObjectMapper mapper;

    QuoteSummaryParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Parses a 200 body: a profile with or without a sector; a "Not Found" error carried under 200, or an empty
     * {@code result}, is not found at once (retrying an empty result only repeats it).
     */
    YahooLookup parseSuccess(String body) {
        Optional<JsonNode> root = readTree(body);
        if (root.isEmpty()) {
            return invalidBody(body);
        }
        JsonNode summary = root.get().path("quoteSummary");
        JsonNode result = summary.path("result");
        if (result.isArray() && !result.isEmpty()) {
            YahooProfile profile = profileOf(result.get(0));
            return profile.sector().isPresent() ? new YahooLookup.Found(profile) : new YahooLookup.NoSector(profile);
        }
        if (result.isArray()) {
            return notFound(summary).orElseGet(() -> new YahooLookup.NotFound("quoteSummary has no result"));
        }
        return notFound(summary)
                .orElseGet(() -> new YahooLookup.Transient("Yahoo Finance quoteSummary response has no result"));
    }

    /**
     * Parses a 404 body. Only an {@code error.code} of "Not Found" under {@code quoteSummary} or under
     * {@code finance} (the root Yahoo uses for errors of every endpoint) means not found.
     */
    YahooLookup parseNotFound(String body) {
        Optional<YahooLookup> notFound = readTree(body).flatMap(root -> notFound(root.path("quoteSummary"))
                .or(() -> notFound(root.path("finance"))));
        return notFound.orElseGet(() -> new YahooLookup.Rejected(404,
                "Yahoo Finance answered HTTP 404 without a Not Found error"));
    }

    /** The {@code finance.error.description} of a 401 body ("Invalid Crumb", "Invalid Cookie", …), if readable. */
    Optional<String> unauthorizedDescription(String body) {
        return readTree(body)
                .map(root -> root.path("finance").path("error").path("description"))
                .flatMap(QuoteSummaryParser::text);
    }

    private Optional<YahooLookup> notFound(JsonNode root) {
        JsonNode error = root.path("error");
        if (text(error.path("code")).filter(NOT_FOUND_CODE::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new YahooLookup.NotFound(text(error.path("description")).orElse(NOT_FOUND_CODE)));
    }

    private static YahooProfile profileOf(JsonNode result) {
        JsonNode assetProfile = result.path("assetProfile");
        JsonNode quoteType = result.path("quoteType");
        return new YahooProfile(
                text(assetProfile.path("sector")),
                text(assetProfile.path("industry")),
                text(quoteType.path("quoteType")),
                text(quoteType.path("longName")),
                text(quoteType.path("shortName")),
                YahooEndpoint.QUOTE_SUMMARY);
    }

    private Optional<JsonNode> readTree(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readTree(body));
        } catch (JsonProcessingException malformed) {
            return Optional.empty();
        }
    }

    private static YahooLookup invalidBody(String body) {
        return new YahooLookup.Transient(body == null || body.isBlank()
                ? "Yahoo Finance returned an empty response body"
                : "Yahoo Finance returned invalid JSON");
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank()
                ? Optional.of(node.textValue().strip())
                : Optional.empty();
    }
}
