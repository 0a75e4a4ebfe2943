package io.spock.metadata.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The recorded Yahoo exchanges under {@code src/test/resources/yahoo} (their origins are in {@code SOURCES.md}
 * there), as WireMock responses.
 */
public final class YahooRecordings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private YahooRecordings() {
    }

    /** The recorded response in {@code yahoo/<name>.json}: status, headers and bodyJson or bodyText. */
    public static ResponseDefinitionBuilder recorded(String name) {
        JsonNode response = load(name).path("response");
        ResponseDefinitionBuilder builder = aResponse().withStatus(response.path("status").asInt());
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            List<String> values = new ArrayList<>();
            if (header.getValue().isArray()) {
                header.getValue().forEach(value -> values.add(value.asText()));
            } else {
                values.add(header.getValue().asText());
            }
            builder.withHeader(header.getKey(), values.toArray(String[]::new));
        }
        JsonNode json = response.path("bodyJson");
        return builder.withBody(json.isMissingNode() ? response.path("bodyText").asText() : json.toString());
    }

    /** The whole recording of {@code yahoo/<name>.json}: its request and its response. */
    public static JsonNode load(String name) {
        String resource = "/yahoo/" + name + ".json";
        try (InputStream in = YahooRecordings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
