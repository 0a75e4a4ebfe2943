package io.spock.metadata.kis;

import java.time.Instant;
import java.util.Objects;

/** A KIS access token and when KIS stops accepting it. {@link #toString()} never shows the token. */
public record KisAccessToken(String value, Instant expiresAt) {

    public KisAccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "KisAccessToken[value=****, expiresAt=" + expiresAt + "]";
    }
}
