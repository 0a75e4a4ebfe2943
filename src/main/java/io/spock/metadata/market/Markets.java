package io.spock.metadata.market;

import io.spock.metadata.app.ListOption;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The one table of regions and exchanges: markets are data, not five copies of an adapter. */
public final class Markets {

    private static final List<Exchange> EXCHANGES = List.of(
            new Exchange("NAS", "NASDAQ", Region.US, "USD", "nas", "", SymbolRule.US_CLASSES),
            new Exchange("NYS", "New York Stock Exchange", Region.US, "USD", "nys", "", SymbolRule.US_CLASSES),
            new Exchange("AMS", "NYSE American (AMEX)", Region.US, "USD", "ams", "", SymbolRule.US_CLASSES),
            new Exchange("SHS", "Shanghai Stock Exchange", Region.CN, "CNY", "shs", ".SS", SymbolRule.AS_IS),
            new Exchange("SZS", "Shenzhen Stock Exchange", Region.CN, "CNY", "szs", ".SZ", SymbolRule.AS_IS),
            new Exchange("HKS", "Hong Kong Exchange", Region.HK, "HKD", "hks", ".HK", SymbolRule.HK_NUMERIC),
            new Exchange("TSE", "Tokyo Stock Exchange", Region.JP, "JPY", "tse", ".T", SymbolRule.AS_IS),
            new Exchange("HSX", "Ho Chi Minh Stock Exchange (HOSE)", Region.VN, "VND", "hsx", ".VN", SymbolRule.AS_IS),
            new Exchange("HNX", "Hanoi Stock Exchange", Region.VN, "VND", "hnx", ".VN", SymbolRule.AS_IS));

    /** A ticker as KIS writes it: letters, digits and the separators of share classes (BRK/B, BF.B), at most 32. */
    private static final Pattern TICKER = Pattern.compile("[A-Z0-9][A-Z0-9./-]{0,31}");

    private Markets() {
    }

    public static boolean isValidTicker(String ticker) {
        return ticker != null && TICKER.matcher(ticker).matches();
    }

    public static List<Exchange> exchanges() {
        return EXCHANGES;
    }

    public static List<Exchange> exchanges(Region region) {
        return EXCHANGES.stream().filter(e -> e.region() == region).toList();
    }

    public static Optional<Exchange> exchange(String code) {
        String wanted = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return EXCHANGES.stream()
                .filter(e -> e.code().equals(wanted) || e.masterCode().toUpperCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /**
     * Parses a {@code --regions} value such as {@code "US,cn"} or {@code "ALL"}; null (the option not given) is ALL.
     *
     * @throws UnknownRegionException naming the first unknown entry
     * @throws io.spock.metadata.app.UsageException when the list names nothing ({@code ","})
     */
    public static Set<Region> parseRegions(String text) {
        if (text == null) {
            return EnumSet.allOf(Region.class);
        }
        Set<Region> regions = new LinkedHashSet<>();
        boolean all = false;
        for (String part : ListOption.items("--regions", text, "region: US, CN, HK, JP, VN or ALL")) {
            if (part.equalsIgnoreCase("ALL")) {
                all = true;
            } else {
                regions.add(Region.parse(part).orElseThrow(() -> new UnknownRegionException(part)));
            }
        }
        return all ? EnumSet.allOf(Region.class) : regions;
    }

    /** Region names offered by completion: the five regions and ALL. */
    public static List<String> regionChoices() {
        List<String> choices = new ArrayList<>(Region.names());
        choices.add("ALL");
        return choices;
    }

}
