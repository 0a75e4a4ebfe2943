package io.spock.metadata.universe;

import io.spock.metadata.market.Exchange;

/**
 * One listed security as the universe knows it before enrichment.
 *
 * @param kisCode the KIS industry code, already normalised to three digits ("000" = unclassified)
 */
public record Listing(Exchange exchange, String ticker, String nameEn, String nameKo, String securityType,
                      String kisCode, boolean preferred) {

    public String region() {
        return exchange.region().name();
    }

    public String yahooSymbol() {
        return exchange.yahooSymbol(ticker, preferred);
    }
}
