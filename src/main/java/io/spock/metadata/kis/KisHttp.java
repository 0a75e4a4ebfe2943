package io.spock.metadata.kis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP defaults and response reading the KIS classes share. */
final class KisHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private KisHttp() {
    }

    /**
     * A client with certificate verification left on (the JDK default), no HTTPS-to-HTTP redirects, and HTTP/1.1 as
     * KIS's own samples use.
     */
    static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** KIS error bodies are not always JSON: anything unreadable becomes an empty object. */
    static JsonNode parseLenient(ObjectMapper json, String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
