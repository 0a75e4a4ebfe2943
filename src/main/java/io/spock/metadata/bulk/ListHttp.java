package io.spock.metadata.bulk;

import io.spock.metadata.app.Messages;
import io.spock.metadata.http.BoundedExchange;
import io.spock.metadata.http.ExchangeLimits;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * The one HTTP client of the bulk lists, on the product's {@link BoundedExchange}: every exchange has a deadline for
 * the whole of it, body included, and a cap on the body's size, so that a server that stalls or trickles never hangs
 * a run. Never throws for the server's
 * trouble: every outcome is a {@link Download} (the failure reason in one line).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-13.1">RFC 9110 conditional requests</a>
 */
public final class ListHttp {

    /**
     * @param connectTimeout TCP/TLS connect timeout
     * @param deadline       the whole exchange, from sending the request to the last byte of the body
     * @param maxBytes       the largest body accepted
     */
    public record Limits(Duration connectTimeout, Duration deadline, long maxBytes) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(120), 64L << 20);
        }
    }

    /** The validators of the kept copy, sent as {@code If-None-Match} and {@code If-Modified-Since}. */
    public record Conditional(String etag, String lastModified) {
        public static final Conditional NONE = new Conditional(null, null);

        public static Conditional of(ListMeta meta) {
            return meta.hasCopy() ? new Conditional(meta.etag(), meta.lastModified()) : NONE;
        }
    }

    private final BoundedExchange http;
    private final Limits limits;

    public ListHttp(Limits limits) {
        this.limits = limits;
        this.http = BoundedExchange.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build(),
                new ExchangeLimits(limits.deadline(), limits.maxBytes()));
    }

    public Download get(URI uri, Map<String, String> headers, Conditional conditional) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (conditional.etag() != null) {
            request.header("If-None-Match", conditional.etag());
        }
        if (conditional.lastModified() != null) {
            request.header("If-Modified-Since", conditional.lastModified());
        }
        return send(request, headers);
    }

    public Download post(URI uri, Map<String, String> headers, String jsonBody) {
        return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .header("Content-Type", "application/json"), headers);
    }

    private Download send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        try {
            return outcome(http.send(builder.timeout(limits.deadline()).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        } catch (IOException e) {
            return failed(describe(e));
        }
    }

    private static Download outcome(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 304) {
            return new Download.NotModified();
        }
        if (status == 200) {
            return new Download.Body(response.body(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null), 1);
        }
        if (status == 429) {
            return failed("HTTP 429 (rate limited)" + response.headers().firstValue("Retry-After")
                    .map(s -> ", Retry-After " + s).orElse(""));
        }
        return failed("HTTP " + status);
    }

    private static Download.Failed failed(String reason) {
        return new Download.Failed(reason, 1);
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException || e instanceof BoundedExchange.BodyTooLargeException) {
            return e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "unreachable: connection refused";
        }
        if (e.getMessage() != null && e.getMessage().contains("header parser")) {
            return "truncated or malformed response";
        }
        return "connection failed: " + Messages.of(e);
    }
}
