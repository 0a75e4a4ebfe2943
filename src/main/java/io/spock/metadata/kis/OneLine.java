package io.spock.metadata.kis;

import io.spock.metadata.app.Messages;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Describes KIS failures in short single lines, as every operator-facing message must be. */
final class OneLine {

    private OneLine() {
    }

    /** What went wrong, without a stack trace or the exception class's package. */
    static String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (failure instanceof HttpTimeoutException) {
            return Messages.flatten(failure.getMessage() == null ? "timed out" : failure.getMessage());
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (failure instanceof UnknownHostException || failure.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (failure instanceof NoSuchFileException) {
            return "no such file";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = failure.getMessage();
        return Messages.flatten(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }
}
