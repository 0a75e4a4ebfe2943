package io.spock.metadata.kis;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** What the KIS classes share about HTTP: the default client and one-line descriptions of failures. */
final class KisHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final int MAX_TEXT_LENGTH = 200;

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

    /** One line for an I/O failure, without a stack trace. */
    static String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no response within the timeout";
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (failure instanceof UnknownHostException || failure.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        String message = failure.getMessage();
        return oneLine(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }

    /** Collapses whitespace and truncates, so remote text cannot break the one-line error rule. */
    static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_TEXT_LENGTH ? flat : flat.substring(0, MAX_TEXT_LENGTH) + "…";
    }
}
