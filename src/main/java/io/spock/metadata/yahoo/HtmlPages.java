package io.spock.metadata.yahoo;

import io.spock.metadata.app.Messages;
import org.jsoup.Jsoup;

import java.net.http.HttpResponse;
import java.util.Locale;

/** What the Yahoo clients need to know about an HTML page that came where JSON or a crumb was expected. */
final class HtmlPages {

    private HtmlPages() {
    }

    /** The response says it is HTML ({@code Content-Type: text/html…}). */
    static boolean isHtml(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("text/html"))
                .orElse(false);
    }

    /** The page's title on one line ("Yahoo", "Will be right back…"), or "no title". */
    static String title(String html) {
        String title = html == null ? "" : Jsoup.parse(html).title();
        return title.isBlank() ? "no title" : Messages.flatten(title);
    }
}
