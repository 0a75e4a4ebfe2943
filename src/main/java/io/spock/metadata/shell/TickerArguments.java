package io.spock.metadata.shell;

import io.spock.metadata.app.ListOption;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.market.UnknownRegionException;
import io.spock.metadata.store.ListingKey;
import io.spock.metadata.store.TickerLookup;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tickers typed by an operator: their shape, and the listings they name. A ticker is read in each market's canonical
 * form ({@code 858} with {@code --region CN} is 000858, {@code BRK.B} is BRK/B), or as a Yahoo symbol.
 */
public final class TickerArguments {

    private TickerArguments() {
    }

    /** The typed text upper case, if it has the shape of a ticker or Yahoo symbol of some market. */
    public static String normalise(String ticker) {
        String value = ticker == null ? "" : ticker.trim().toUpperCase(Locale.ROOT);
        if (!Markets.isValidTicker(value)) {
            throw new UsageException("invalid ticker '" + ticker + "': letters, digits and . / - only, at most 32");
        }
        return value;
    }

    /**
     * Parses {@code T1,T2} into the listings they name in {@code regions}; a ticker listed in several regions names
     * each. Unknown ones are refused with the closest listed names.
     */
    public static List<ListingKey> parseListed(String list, Set<Region> regions, TickerLookup lookup) {
        Set<String> typed = new LinkedHashSet<>();
        for (String part : ListOption.items("--tickers", list, "ticker")) {
            typed.add(normalise(part));
        }
        Set<ListingKey> listings = new LinkedHashSet<>();
        for (String ticker : typed) {
            List<ListingKey> found = lookup.resolve(ticker, regions);
            if (found.isEmpty()) {
                throw notListed(ticker, regions, lookup);
            }
            listings.addAll(found);
        }
        return new ArrayList<>(listings);
    }

    /**
     * The one listing a typed ticker names: in the region given with {@code --region} (checked), or in the only region
     * that lists it. A ticker listed in several regions needs {@code --region}; the error names the candidates.
     */
    public static ListingKey listing(String typed, String regionOption, TickerLookup lookup) {
        String ticker = normalise(typed);
        Set<Region> regions = EnumSet.allOf(Region.class);
        if (regionOption != null && !regionOption.isBlank()) {
            regions = EnumSet.of(Region.parse(regionOption)
                    .orElseThrow(() -> new UnknownRegionException(regionOption)));
        }
        List<ListingKey> found = lookup.resolve(ticker, regions);
        if (found.isEmpty()) {
            throw notListed(ticker, regions, lookup);
        }
        if (found.size() > 1) {
            throw new UsageException("ticker '" + ticker + "' is listed in " + describe(found, ticker)
                    + ": add --region");
        }
        return found.get(0);
    }

    private static UsageException notListed(String ticker, Set<Region> regions, TickerLookup lookup) {
        if (regions.size() < Region.values().length) {
            List<ListingKey> elsewhere = lookup.resolve(ticker, EnumSet.allOf(Region.class));
            if (!elsewhere.isEmpty()) {
                return new UsageException("ticker '" + ticker + "' is not listed in " + regions.stream()
                        .map(Enum::name).collect(Collectors.joining(", ")) + " (it is in "
                        + describe(elsewhere, ticker) + ")");
            }
        }
        List<String> closest = lookup.closestTo(ticker, 5);
        return new UsageException("unknown ticker '" + ticker + "'"
                + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest)));
    }

    /** {@code US, HK} or, where the listing's ticker is not what was typed, {@code CN (000858), HK (00858)}. */
    private static String describe(List<ListingKey> listings, String typed) {
        return listings.stream()
                .map(l -> l.ticker().equals(typed) ? l.region().name() : l.region() + " (" + l.ticker() + ")")
                .collect(Collectors.joining(", "));
    }
}
