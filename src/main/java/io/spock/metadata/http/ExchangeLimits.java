package io.spock.metadata.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one HTTP exchange.
 *
 * @param deadline     how long the whole exchange may take: connection, request, response headers and the whole
 *                     body. The JDK client's own request timeout stops at the headers, so a server that sends them and
 *                     then stalls, or trickles the body a byte a second, would otherwise hold the caller for ever.
 * @param maxBodyBytes the largest body accepted, in bytes; a larger one fails the exchange as soon as it shows
 */
public record ExchangeLimits(Duration deadline, long maxBodyBytes) {

    public ExchangeLimits {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
    }
}
