package io.spock.metadata.universe;

/**
 * What importing one exchange's master file did (or, in a dry run, would do).
 *
 * @param stocks    stock records in the file
 * @param products  exchange-traded products in the file (ETF, ETN, …)
 * @param skipped   records that are no listings (indexes, warrants), repeated symbols, and listings whose Yahoo
 *                  symbol belongs to a listed ticker of another exchange of the market
 * @param malformed lines the reader skipped
 */
public record MarketImport(String market, String source, int stocks, int products, int added, int updated,
                           int unchanged, int delisted, int skipped, int malformed) {
}
