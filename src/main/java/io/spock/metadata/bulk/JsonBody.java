package io.spock.metadata.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads a downloaded JSON list, turning what is not JSON (an HTML page, a cut-off body) into a one-line reason. */
public final class JsonBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    /** @throws ListFormatException HTML instead of JSON, invalid or truncated JSON, or not a JSON object */
    public static JsonNode read(byte[] data) {
        String start = new String(data, 0, Math.min(data.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("<")) {
            throw new ListFormatException("an HTML page instead of JSON");
        }
        try {
            JsonNode root = JSON.readTree(data);
            if (root == null || !root.isObject()) {
                throw new ListFormatException("not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ListFormatException("invalid JSON (truncated?): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ListFormatException("unreadable body: " + e.getMessage());
        }
    }
}
