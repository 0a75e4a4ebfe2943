package io.spock.metadata.kis;

import io.spock.metadata.app.Messages;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ticker rule and the listing checks of one master file, line by line: the symbol is put in its market's
 * canonical form ({@link io.spock.metadata.market.TickerForm}), names must fit the store, and no two listings may
 * share a Yahoo symbol. A line that fails is malformed: skipped and counted toward the reader's 1 % guard.
 */
final class MasterLineCheck {

    /** KIS's layout gives names 64 bytes; the store keeps 256 characters. */
    static final int MAX_NAME_LENGTH = 256;

    /** Yahoo symbol → the symbol and line that claimed it first. */
    private final Map<String, Claim> yahooSymbols = new HashMap<>();

    private record Claim(String symbol, int line) {
    }

    /** The record to keep, with its symbol canonical, or why the line is malformed. */
    record Result(KisMasterRecord record, String problem) {
    }

    Result check(KisMasterRecord record, int line) {
        Optional<Exchange> exchange = Markets.exchange(record.exchangeCode());
        if (exchange.isEmpty() || !record.isListing()) {
            // skipped later: indexes and warrants are no listings, and an unknown exchange refuses the whole file
            return new Result(record, null);
        }
        Optional<String> symbol = exchange.get().canonicalTicker(record.symbol());
        if (symbol.isEmpty()) {
            return malformed("bad symbol " + Messages.quote(record.symbol()) + " in field 5: "
                    + exchange.get().tickerForm().rule());
        }
        Optional<String> nameProblem = nameProblem(record.koreanName(), 7)
                .or(() -> nameProblem(record.englishName(), 8));
        if (nameProblem.isPresent()) {
            return malformed(nameProblem.get());
        }
        KisMasterRecord canonical = record.withSymbol(symbol.get());
        String yahoo = exchange.get().yahooSymbol(canonical.symbol(), canonical.englishName(), canonical.koreanName());
        Claim first = yahooSymbols.putIfAbsent(yahoo, new Claim(canonical.symbol(), line));
        if (first != null && !first.symbol().equals(canonical.symbol())) {
            return malformed("Yahoo symbol " + yahoo + " of " + canonical.symbol() + " already belongs to "
                    + first.symbol() + " (line " + first.line() + ")");
        }
        return new Result(canonical, null);
    }

    private static Optional<String> nameProblem(String name, int field) {
        if (name.indexOf('\0') >= 0) {
            return Optional.of("NUL character in field " + field);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("field " + field + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return Optional.empty();
    }

    private static Result malformed(String problem) {
        return new Result(null, problem);
    }
}
