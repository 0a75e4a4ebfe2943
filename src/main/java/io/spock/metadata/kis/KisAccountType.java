package io.spock.metadata.kis;

import io.spock.metadata.app.UsageException;

import java.net.URI;
import java.util.Locale;

/**
 * Real or paper (모의투자) account: each has its own server, app key and call limit. The limits are the spacing of
 * KIS's own samples (0.05 s real, 0.5 s paper). The paper server offers none of the sector endpoints.
 */
public enum KisAccountType {
    REAL(URI.create("https://openapi.koreainvestment.com:9443"), 20),
    PAPER(URI.create("https://openapivts.koreainvestment.com:29443"), 2);

    private final URI baseUrl;
    private final double callsPerSecond;

    KisAccountType(URI baseUrl, double callsPerSecond) {
        this.baseUrl = baseUrl;
        this.callsPerSecond = callsPerSecond;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public double callsPerSecond() {
        return callsPerSecond;
    }

    /** @throws UsageException unless the text is real or paper (any case) */
    public static KisAccountType parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "real" -> REAL;
            case "paper" -> PAPER;
            default -> throw new UsageException("KIS_ACCOUNT_TYPE must be real or paper, not '" + text + "'");
        };
    }
}
