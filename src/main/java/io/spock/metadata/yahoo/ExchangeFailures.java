package io.spock.metadata.yahoo;

import io.spock.metadata.app.Messages;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** A failed HTTP exchange with Yahoo as a {@link YahooLookup}, by the exception's type, never by its message. */
final class ExchangeFailures {

    static final String UNREACHABLE = "Yahoo Finance unreachable";

    private ExchangeFailures() {
    }

    /** No connection at all is {@link YahooLookup.Unreachable}; anything else {@link YahooLookup.Transient}. */
    static YahooLookup of(IOException e) {
        String reason = describe(e);
        return unreachable(e) ? new YahooLookup.Unreachable(reason) : new YahooLookup.Transient(reason);
    }

    /** One line, without URLs, cookies or crumbs. */
    static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return UNREACHABLE + ": connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "Yahoo Finance request timed out";
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException) {
            return UNREACHABLE + ": unknown host";
        }
        if (e instanceof ConnectException) {
            return UNREACHABLE + ": connection refused";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Yahoo Finance connection failed: " + Messages.flatten(detail);
    }

    private static boolean unreachable(IOException e) {
        return e instanceof HttpConnectTimeoutException || e instanceof UnknownHostException
                || e.getCause() instanceof UnresolvedAddressException || e instanceof ConnectException;
    }
}
