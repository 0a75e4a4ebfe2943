package io.spock.metadata.yahoo;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Yahoo's EU consent form ({@code consent.yahoo.com/v2/collectConsent}), read with jsoup: where it posts and its hidden
 * fields ({@code csrfToken}, {@code sessionId}, {@code originalDoneUrl}, {@code namespace}). Submitting it "agrees" the
 * way the public clients do: every hidden field, then {@code agree=agree} twice (yfinance {@code _get_cookie_csrf},
 * yahoo-finance2 {@code src/lib/getCrumb.ts}; the request is recorded in yahoo-finance2's
 * {@code tests/fixtures/http/getCrumb-quote-AAPL-collectConsentSubmit.json}).
 *
 * @param action where the form posts: the page itself when its {@code action} is empty, as on Yahoo's page
 * @param fields the hidden inputs by name, in page order, their values with HTML entities decoded
 */
record ConsentForm(URI action, Map<String, String> fields) {

    private static final String[] CONSENT_HOSTS = {"consent.yahoo.com", "guce.yahoo.com"};

    /** Keeps the fields in page order: the public clients send them so. */
    ConsentForm {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * The consent form of a page, when it has one: a form with an {@code agree} button or a hidden
     * {@code csrfToken}, or one that posts to a Yahoo consent host. Other HTML (an outage page, a 404 page) has none.
     */
    static Optional<ConsentForm> find(String html, URI page) {
        if (html == null || html.isBlank()) {
            return Optional.empty();
        }
        Document document = Jsoup.parse(html, page.toString());
        for (Element form : document.select("form")) {
            boolean agree = !form.select("button[name=agree], input[name=agree]").isEmpty();
            boolean token = !form.select("input[type=hidden][name=csrfToken]").isEmpty();
            URI action = URI.create(form.attr("action").isBlank() ? page.toString() : form.absUrl("action"));
            if (agree || token || isConsentHost(action)) {
                Map<String, String> fields = new LinkedHashMap<>();
                form.select("input[type=hidden][name]").forEach(input -> fields.put(input.attr("name"),
                        input.attr("value")));
                return Optional.of(new ConsentForm(action, fields));
            }
        }
        return Optional.empty();
    }

    /** Whether a response is a consent page: it ends on a Yahoo consent host, or it is HTML holding the form. */
    static boolean isConsentPage(HttpResponse<String> response) {
        return isConsentHost(response.uri()) || (HtmlPages.isHtml(response)
                && find(response.body(), response.uri()).isPresent());
    }

    static boolean isConsentHost(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        for (String consent : CONSENT_HOSTS) {
            if (host.equals(consent) || host.endsWith("." + consent)) {
                return true;
            }
        }
        return false;
    }

    /** The form body that agrees: the hidden fields, URL-encoded, then {@code agree=agree&agree=agree}. */
    String agreeBody() {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        return body.add("agree=agree").add("agree=agree").toString();
    }

    /** Whether the form posts back to the host that served it (Yahoo's does); another host is not trusted. */
    boolean postsTo(URI page) {
        return action.getHost() != null && action.getHost().equalsIgnoreCase(page.getHost())
                && action.getPort() == page.getPort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
