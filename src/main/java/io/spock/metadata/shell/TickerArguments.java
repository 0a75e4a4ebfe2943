package io.spock.metadata.shell;

import io.spock.metadata.app.ListOption;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.market.UnknownRegionException;
import io.spock.metadata.store.TickerLookup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks tickers typed by an operator: their shape, and that the universe lists them. */
public final class TickerArguments {

    private TickerArguments() {
    }

    public static String normalise(String ticker) {
        String value = ticker == null ? "" : ticker.trim().toUpperCase(Locale.ROOT);
        if (!Markets.isValidTicker(value)) {
            throw new UsageException("invalid ticker '" + ticker + "': letters, digits and . / - only, at most 32");
        }
        return value;
    }

    /** Parses {@code T1,T2} and checks each ticker is listed; unknown ones are refused with the closest names. */
    public static List<String> parseListed(String list, TickerLookup lookup) {
        Set<String> tickers = new LinkedHashSet<>();
        for (String part : ListOption.items("--tickers", list, "ticker")) {
            tickers.add(normalise(part));
        }
        for (String ticker : tickers) {
            requireListed(ticker, lookup);
        }
        return new ArrayList<>(tickers);
    }

    /**
     * The region of a ticker: the one given with {@code --region} (checked), or the only one it is listed in.
     * A ticker listed in several regions needs {@code --region}; the error names the candidates.
     */
    public static Region regionOf(String ticker, String regionOption, TickerLookup lookup) {
        requireListed(ticker, lookup);
        List<Region> regions = lookup.regionsOf(ticker);
        if (regionOption != null && !regionOption.isBlank()) {
            Region region = Region.parse(regionOption).orElseThrow(() -> new UnknownRegionException(regionOption));
            if (!regions.contains(region)) {
                throw new UsageException("ticker '" + ticker + "' is not listed in " + region + " (it is in "
                        + regions.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
            return region;
        }
        if (regions.size() > 1) {
            throw new UsageException("ticker '" + ticker + "' is listed in "
                    + regions.stream().map(Enum::name).collect(Collectors.joining(", ")) + ": add --region");
        }
        return regions.get(0);
    }

    public static void requireListed(String ticker, TickerLookup lookup) {
        if (lookup.regionsOf(ticker).isEmpty()) {
            List<String> closest = lookup.closestTo(ticker, 5);
            throw new UsageException("unknown ticker '" + ticker + "'"
                    + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest)));
        }
    }
}
