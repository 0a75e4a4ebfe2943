package io.spock.metadata.store;

import io.spock.metadata.kis.KisMasterRecord;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a listing is, as stored in {@code tickers.security_type}: a stock, or an exchange-traded product by its KIS
 * kind. Products have no GICS sector; they are kept so that the universe is complete, and marked not applicable.
 */
public enum SecurityType {
    STOCK, ETF, ETN, ETC, ETP;

    public boolean isStock() {
        return this == STOCK;
    }

    /** Stocks and products; indexes and warrants are not listings of the universe. */
    public static Optional<SecurityType> of(KisMasterRecord record) {
        return switch (record.securityType()) {
            case STOCK -> Optional.of(STOCK);
            case ETP -> Optional.of(ofEtpKind(record.etpKind()));
            case INDEX, WARRANT -> Optional.empty();
        };
    }

    /** Column 23: 001 ETF, 002 ETN, 003 ETC, 005 VIX ETF, 006 VIX ETN; anything else is a product of no stated kind. */
    static SecurityType ofEtpKind(String kind) {
        return switch (kind == null ? "" : kind.trim()) {
            case "001", "005" -> ETF;
            case "002", "006" -> ETN;
            case "003" -> ETC;
            default -> ETP;
        };
    }

    public static Optional<SecurityType> parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }
}
