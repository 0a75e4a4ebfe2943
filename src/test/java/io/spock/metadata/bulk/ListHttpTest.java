package io.spock.metadata.bulk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bulk download has a deadline for the whole exchange and a cap on its body. */
class ListHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ListHttp http = new ListHttp(new ListHttp.Limits(Duration.ofSeconds(2), Duration.ofMillis(800),
            1024));

    private Download fetch() {
        return http.get(URI.create(server.baseUrl() + "/list"), Map.of(), ListHttp.Conditional.NONE);
    }

    @Test
    void aBodyTricklingPastTheDeadlineEndsAsAFailureNotAHang() {
        server.stubFor(get(urlEqualTo("/list")).willReturn(aResponse().withStatus(200).withBody("x".repeat(500))
                .withChunkedDribbleDelay(50, 2_000)));

        assertThat(fetch()).isInstanceOfSatisfying(Download.Failed.class, failed -> assertThat(failed.reason())
                .startsWith("no complete response within 800 ms (http://localhost:"));
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        server.stubFor(get(urlEqualTo("/list")).willReturn(aResponse().withStatus(200).withBody("x".repeat(4096))));

        assertThat(fetch()).isEqualTo(new Download.Failed("response body larger than 1024 bytes", 1));
    }

    @Test
    void validatorsComeBackWithTheBodyAnd304IsNotModified() {
        server.stubFor(get(urlEqualTo("/list")).willReturn(aResponse().withStatus(200).withBody("ok")
                .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Sat, 31 Oct 2026 00:00:00 GMT")));
        Download.Body body = (Download.Body) fetch();
        assertThat(body.etag()).isEqualTo("\"v1\"");
        assertThat(body.lastModified()).isEqualTo("Sat, 31 Oct 2026 00:00:00 GMT");

        server.stubFor(get(urlEqualTo("/list")).willReturn(aResponse().withStatus(304)));
        assertThat(fetch()).isInstanceOf(Download.NotModified.class);
    }
}
