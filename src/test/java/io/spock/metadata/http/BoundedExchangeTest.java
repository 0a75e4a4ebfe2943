package io.spock.metadata.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole-exchange deadline, the body cap and the redirect check, against servers that misbehave after the
 * headers. Every case runs under a timeout that fails the test, so a hang shows as a failure (the stubs stall for a
 * minute or more, far past it).
 */
@Timeout(20)
class BoundedExchangeTest {

    private static final ExchangeLimits LIMITS = new ExchangeLimits(Duration.ofSeconds(2), 1_000);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build();
    }

    private static BoundedExchange bounded() {
        return BoundedExchange.of(HttpClient.newHttpClient(), LIMITS);
    }

    @Test
    void aCompleteAnswerWithinTheLimitsComesBackWhole() throws Exception {
        server.stubFor(get(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("hello")));

        HttpResponse<String> response = bounded().send(request("/ok"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
    }

    @Test
    void headersThenAStalledBodyEndAtTheDeadline() {
        server.stubFor(get(urlEqualTo("/stall")).willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(100)).withChunkedDribbleDelay(2, 60_000)));

        assertThatThrownBy(() -> bounded().send(request("/stall"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessage("no complete response within 2 s (" + server.baseUrl() + ")");
    }

    @Test
    void aBodyTricklingAByteASecondEndsAtTheDeadline() {
        server.stubFor(get(urlEqualTo("/trickle")).willReturn(aResponse().withStatus(200)
                .withBody("y".repeat(200)).withChunkedDribbleDelay(200, 200_000)));

        assertThatThrownBy(() -> bounded().send(request("/trickle"), HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aBodyLargerThanTheCapFailsTheExchange() {
        server.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody("z".repeat(5_000))));

        assertThatThrownBy(() -> bounded().send(request("/big"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(BoundedExchange.BodyTooLargeException.class)
                .hasMessage("response body larger than 1000 bytes");
    }

    @Test
    void anInterruptedCallerStopsWaitingAtOnce() {
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withBody("s")
                .withFixedDelay(60_000)));
        BoundedExchange patient = BoundedExchange.of(HttpClient.newHttpClient(),
                new ExchangeLimits(Duration.ofSeconds(60), 1_000));
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> patient.send(request("/slow"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void aRedirectOfARequestWithCredentialsIsRefusedAndNotFollowed() {
        server.stubFor(get(urlEqualTo("/token")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere.baseUrl() + "/collect?x=1")));
        elsewhere.stubFor(get(urlEqualTo("/collect?x=1")).willReturn(aResponse().withStatus(200)));
        BoundedExchange credentials = BoundedExchange.withCredentials(
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), LIMITS);

        assertThatThrownBy(() -> credentials.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/token")).header("appsecret", "s3cret").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .isInstanceOf(BoundedExchange.RedirectRefusedException.class)
                .hasMessage("redirected (HTTP 302) from " + server.baseUrl() + " to " + elsewhere.baseUrl()
                        + ": not followed, the request carries credentials");
        assertThat(elsewhere.findAll(getRequestedFor(urlEqualTo("/collect?x=1")))).isEmpty();
    }

    @Test
    void aClientThatFollowsRedirectsCannotCarryCredentials() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        assertThatThrownBy(() -> BoundedExchange.withCredentials(following, LIMITS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
