package io.spock.metadata.universe;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;

import java.time.LocalDateTime;

/**
 * One validated CSV row. Blank cells are null (booleans included), except those with a defined meaning: a blank
 * security type is STOCK and a blank KIS code is 000.
 *
 * @param line        the row's line in the file, for messages
 * @param ticker      in its market's canonical form
 * @param yahooSymbol as given, upper case; null when blank (derived by the exchange's rule)
 */
record CsvTicker(int line, Exchange exchange, String ticker, String nameEn, String nameKo, SecurityType securityType,
                 String kisCode, String yahooSymbol, GicsSector sector, String industry, Boolean spac,
                 Boolean preferred, Source source, String confidence, TickerStatus status, LocalDateTime lastEnriched,
                 Boolean delisted) {

    String region() {
        return exchange.region().name();
    }

    boolean classified() {
        return sector != null;
    }

    /** A row with a sector and no source is an operator's statement: a manual fix. */
    Source sourceOrManual() {
        return source != null ? source : Source.MANUAL;
    }
}
