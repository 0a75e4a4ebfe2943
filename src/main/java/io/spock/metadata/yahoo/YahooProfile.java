package io.spock.metadata.yahoo;

import java.util.Objects;
import java.util.Optional;

/**
 * What Yahoo Finance says about one symbol, from the {@code assetProfile} and {@code quoteType} modules.
 * Yahoo leaves keys out rather than sending nulls, so every field is optional.
 *
 * @param sector    Yahoo's sector name, e.g. "Technology" (absent for ETFs, funds, crypto)
 * @param industry  Yahoo's industry name, e.g. "Consumer Electronics"; older data uses an em dash
 *                  ("Drug Manufacturers—General") where newer data has " - "
 * @param quoteType security type, e.g. EQUITY, ETF, MUTUALFUND, INDEX, CRYPTOCURRENCY
 * @param longName  full issuer name
 * @param shortName short display name
 */
public record YahooProfile(
        Optional<String> sector,
        Optional<String> industry,
        Optional<String> quoteType,
        Optional<String> longName,
        Optional<String> shortName) {

    public YahooProfile {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(industry, "industry");
        Objects.requireNonNull(quoteType, "quoteType");
        Objects.requireNonNull(longName, "longName");
        Objects.requireNonNull(shortName, "shortName");
    }
}
