package io.spock.metadata.yahoo;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads the answer of {@code /v1/test/getcrumb}: the crumb is the whole body as plain text (recorded as
 * {@code text/plain}, 11 characters, in yahoo-finance2's {@code tests/fixtures/http/getCrumb-getcrumb.json}).
 */
final class CrumbResponse {

    private CrumbResponse() {
    }

    /**
     * @param label receives the request's outcome label for the metrics
     * @return the crumb
     * @throws YahooSession.Unavailable {@link YahooLookup.RateLimited} for a 429 or a {@code Too Many Requests} body
     *                                  (yfinance's rule), {@link YahooLookup.Transient} for a 5xx, an HTML page or
     *                                  anything else that is not a crumb
     */
    static String read(HttpResponse<String> response, Clock clock, Consumer<String> label)
            throws YahooSession.Unavailable {
        String body = response.body() == null ? "" : response.body().strip();
        int status = response.statusCode();
        if (status == 429 || body.contains("Too Many Requests")) {
            throw unavailable(label, "rate_limited", new YahooLookup.RateLimited(
                    RetryAfter.parse(response.headers().firstValue("Retry-After"), clock)));
        }
        if (status >= 500) {
            throw unavailable(label, "server_error",
                    new YahooLookup.Transient("Yahoo Finance crumb request answered HTTP " + status));
        }
        if (HtmlPages.isHtml(response) || body.toLowerCase(Locale.ROOT).contains("<html")) {
            throw unavailable(label, "transient", new YahooLookup.Transient(
                    "Yahoo Finance issued no crumb but an HTML page (" + HtmlPages.title(body) + ")"));
        }
        if (status != 200 || body.isEmpty() || body.chars().anyMatch(Character::isWhitespace)) {
            throw unavailable(label, "transient",
                    new YahooLookup.Transient("Yahoo Finance issued no crumb (HTTP " + status + ")"));
        }
        label.accept("ok");
        return body;
    }

    private static YahooSession.Unavailable unavailable(Consumer<String> label, String outcome, YahooLookup lookup) {
        label.accept(outcome);
        return new YahooSession.Unavailable(lookup);
    }
}
