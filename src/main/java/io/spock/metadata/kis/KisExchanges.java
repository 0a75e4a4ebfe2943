package io.spock.metadata.kis;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;

import java.util.stream.Collectors;

/** Looks exchanges up in {@link Markets} for the KIS classes, with one message for unknown codes. */
final class KisExchanges {

    private KisExchanges() {
    }

    /** @param code a KIS exchange code (NAS) or master-file code (nas), any case */
    static Exchange require(String code) {
        return Markets.exchange(code).orElseThrow(() -> new UsageException("unknown exchange '" + code
                + "': expected one of " + Markets.exchanges().stream().map(Exchange::code)
                .collect(Collectors.joining(", "))));
    }
}
