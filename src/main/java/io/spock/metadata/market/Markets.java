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
            new Exchange("NAS", "NASDAQ", Region.US, "USD", "nas", "", SymbolRule.US_CLASSES, TickerForm.US),
            new Exchange("NYS", "New York Stock Exchange", Region.US, "USD", "nys", "", SymbolRule.US_CLASSES,
                    TickerForm.US),
            new Exchange("AMS", "NYSE American (AMEX)", Region.US, "USD", "ams", "", SymbolRule.US_CLASSES,
                    TickerForm.US),
            new Exchange("SHS", "Shanghai Stock Exchange", Region.CN, "CNY", "shs", ".SS", SymbolRule.AS_IS,
                    TickerForm.SIX_DIGITS),
            new Exchange("SZS", "Shenzhen Stock Exchange", Region.CN, "CNY", "szs", ".SZ", SymbolRule.AS_IS,
                    TickerForm.SIX_DIGITS),
            new Exchange("HKS", "Hong Kong Exchange", Region.HK, "HKD", "hks", ".HK", SymbolRule.HK_NUMERIC,
                    TickerForm.FIVE_DIGITS),
            new Exchange("TSE", "Tokyo Stock Exchange", Region.JP, "JPY", "tse", ".T", SymbolRule.AS_IS,
                    TickerForm.TOKYO),
            new Exchange("HSX", "Ho Chi Minh Stock Exchange (HOSE)", Region.VN, "VND", "hsx", ".VN", SymbolRule.AS_IS,
                    TickerForm.LETTERS_AND_DIGITS),
            new Exchange("HNX", "Hanoi Stock Exchange", Region.VN, "VND", "hnx", ".VN", SymbolRule.AS_IS,
                    TickerForm.LETTERS_AND_DIGITS));

    /**
     * What an operator may type for a ticker or Yahoo symbol of any market (BRK/B, BRK.B, 858, 0700.HK): letters,
     * digits and the separators {@code . / -}, at most 32 characters. Whether it names a listing is for
     * {@link TickerForm} and the store to say.
     */
    private static final Pattern TYPED = Pattern.compile("[A-Z0-9][A-Z0-9./-]{0,31}");

    private Markets() {
    }

    /** @param ticker upper case, as typed */
    public static boolean isValidTicker(String ticker) {
        return ticker != null && TYPED.matcher(ticker).matches();
    }

    /** How the region writes its tickers: all exchanges of a region share one form. */
    public static TickerForm tickerForm(Region region) {
        return exchanges(region).get(0).tickerForm();
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
