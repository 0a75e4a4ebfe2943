package io.spock.metadata.universe;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.KindDecision;
import io.spock.metadata.market.ListingKinds;

/**
 * One listed security as the universe knows it before enrichment.
 *
 * @param ticker       the ticker in its market's canonical form
 * @param securityType a stock, or an exchange-traded product by its kind (products get no GICS sector)
 * @param kisCode      the KIS industry code, already normalised to three digits ("000" = unclassified)
 * @param kind         what the listing is (common, preferred, unit…), which its Yahoo symbol follows
 */
public record Listing(Exchange exchange, String ticker, String nameEn, String nameKo, SecurityType securityType,
                      String kisCode, KindDecision kind) {

    /** A listing whose kind is decided from its symbol and names ({@link ListingKinds}). */
    public static Listing of(Exchange exchange, String ticker, String nameEn, String nameKo, SecurityType securityType,
                             String kisCode) {
        return new Listing(exchange, ticker, nameEn, nameKo, securityType, kisCode,
                ListingKinds.decide(exchange, ticker, nameEn, nameKo));
    }

    public String region() {
        return exchange.region().name();
    }

    public boolean preferred() {
        return kind.preferred();
    }

    public String yahooSymbol() {
        return exchange.yahooSymbol(ticker, kind);
    }
}
