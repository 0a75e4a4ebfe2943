package io.spock.metadata.yahoo;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlainCookiesTest {

    @Test
    void aVersionOneCookieDoesNotTurnTheHeaderIntoRfc2965Form() throws Exception {
        PlainCookies cookies = new PlainCookies();
        URI yahoo = URI.create("https://finance.yahoo.com/quote/AAPL");
        cookies.put(yahoo, Map.of("Set-Cookie", List.of("A3=d=AQAB&S=AQAA; Path=/; Secure; HttpOnly",
                "EuConsent=CQM66kAQ;Version=1;Comment=;Path=/;Max-Age=86400")));

        Map<String, List<String>> sent = cookies.get(yahoo, Map.of());

        assertThat(sent.get("Cookie")).singleElement().satisfies(header -> assertThat(header.split("; "))
                .containsExactlyInAnyOrder("A3=d=AQAB&S=AQAA", "EuConsent=CQM66kAQ"));
    }

    @Test
    void secureCookiesStayOffPlainHttpAndOtherPathsKeepTheirOwn() throws Exception {
        PlainCookies cookies = new PlainCookies();
        cookies.put(URI.create("https://example.test/"), Map.of("Set-Cookie", List.of("S=1; Path=/; Secure")));
        cookies.put(URI.create("http://example.test/"), Map.of("Set-Cookie", List.of("P=2; Path=/quote")));

        assertThat(cookies.get(URI.create("http://example.test/other"), Map.of())).isEmpty();
        assertThat(cookies.get(URI.create("https://example.test/quote/X"), Map.of()).get("Cookie"))
                .containsExactly("S=1; P=2");

        cookies.clear();
        assertThat(cookies.get(URI.create("https://example.test/quote/X"), Map.of())).isEmpty();
    }
}
