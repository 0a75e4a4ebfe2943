package io.spock.metadata.kis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.http.BoundedExchange;
import io.spock.metadata.http.ExchangeLimits;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP defaults and response reading the KIS classes share. */
final class KisHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Deadline of one whole KIS exchange, body included, unless {@code spock.kis.timeout} says otherwise. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** KIS REST answers are JSON of a few kilobytes; the longest industry list is far below this. */
    static final long MAX_REST_BODY_BYTES = 4L << 20;

    private KisHttp() {
    }

    /**
     * A client for requests that carry the app key, secret or token: certificate verification left on (the JDK
     * default), HTTP/1.1 as KIS's own samples use, and no redirects followed (see {@link #rest}).
     */
    static HttpClient credentialClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client for the public master files: redirects within HTTPS are followed, nothing secret is sent. */
    static HttpClient downloadClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** REST exchanges with credentials: the deadline, the body cap, and every redirect refused. */
    static BoundedExchange rest(HttpClient client, Duration timeout) {
        return BoundedExchange.withCredentials(client, new ExchangeLimits(timeout, MAX_REST_BODY_BYTES));
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
