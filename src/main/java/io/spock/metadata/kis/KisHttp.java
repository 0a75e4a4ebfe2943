package io.spock.metadata.kis;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP defaults the KIS classes share. */
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
}
