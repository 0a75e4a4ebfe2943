package io.spock.metadata.yahoo;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The session's cookie jar: the JDK's {@link CookieManager} keeps the cookies, but they are sent the way browsers
 * and the public Yahoo clients send them, {@code Cookie: A3=…; GUC=…}. The JDK switches the whole header to the
 * RFC 2965 form ({@code $Version="1"; A3="…";$Path="/"}) as soon as one stored cookie carries {@code Version=1},
 * which Yahoo's {@code EuConsent} cookie does after the consent form.
 */
final class PlainCookies extends CookieHandler {

    private final CookieManager jar = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        String header = jar.getCookieStore().get(uri).stream()
                .filter(cookie -> path.startsWith(cookie.getPath() == null ? "/" : cookie.getPath()))
                .filter(cookie -> secure || !cookie.getSecure())
                .map(PlainCookies::pair)
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        jar.put(uri, responseHeaders);
    }

    /** Forgets every cookie. */
    void clear() {
        jar.getCookieStore().removeAll();
    }

    private static String pair(HttpCookie cookie) {
        String value = cookie.getValue();
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return cookie.getName() + "=" + (quoted ? value.substring(1, value.length() - 1) : value);
    }
}
