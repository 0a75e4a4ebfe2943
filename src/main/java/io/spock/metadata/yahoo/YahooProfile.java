package io.spock.metadata.yahoo;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Yahoo Finance says about one symbol, from the search endpoint's quote or the {@code assetProfile} and
 * {@code quoteType} modules of quoteSummary. Yahoo leaves keys out rather than sending nulls, so every field is
 * optional.
 *
 * @param sector    Yahoo's sector name, e.g. "Technology" (absent for ETFs, funds, crypto; sometimes absent or
 *                  empty for an equity too, for a while)
 * @param industry  Yahoo's industry name, e.g. "Consumer Electronics"; older data uses an em dash
 *                  ("Drug Manufacturers—General") where newer data has " - "
 * @param quoteType security type, e.g. EQUITY, ETF, MUTUALFUND, INDEX, CRYPTOCURRENCY
 * @param longName  full issuer name
 * @param shortName short display name
 * @param endpoint  the endpoint that answered ({@link YahooEndpoint#SEARCH} or {@link YahooEndpoint#QUOTE_SUMMARY})
 */
public record YahooProfile(
        Optional<String> sector,
        Optional<String> industry,
        Optional<String> quoteType,
        Optional<String> longName,
        Optional<String> shortName,
        YahooEndpoint endpoint) {

    /**
     * Quote types that have no sector by nature: Yahoo's types as typed by yahoo-finance2
     * ({@code src/modules/quote.ts}), less EQUITY and OPTION.
     */
    private static final Set<String> SECTORLESS_TYPES =
            Set.of("ETF", "MUTUALFUND", "INDEX", "CURRENCY", "CRYPTOCURRENCY", "FUTURE");

    public YahooProfile {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(industry, "industry");
        Objects.requireNonNull(quoteType, "quoteType");
        Objects.requireNonNull(longName, "longName");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * Whether the quote type has no sector by nature (ETF, MUTUALFUND, INDEX, CURRENCY, CRYPTOCURRENCY, FUTURE), so
     * that a missing sector means "not applicable". An EQUITY without a sector, or a profile without a quote type,
     * is not one of them: there a missing sector means Yahoo has no answer.
     */
    public boolean sectorlessType() {
        return quoteType.map(type -> SECTORLESS_TYPES.contains(type.toUpperCase(Locale.ROOT))).orElse(false);
    }
}
