package io.spock.metadata.sec;

/**
 * One row of SEC's {@code company_tickers_exchange.json}.
 *
 * @param cik      the Central Index Key, a number of up to 10 digits
 * @param exchange {@code Nasdaq}, {@code NYSE}, {@code OTC}, {@code Cboe US} or empty
 */
public record SecListing(long cik, String name, String ticker, String exchange) {

    /** The CIK as {@code submissions/CIK##########.json} writes it: ten digits. */
    public String paddedCik() {
        return String.format("%010d", cik);
    }
}
