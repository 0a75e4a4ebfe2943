package io.spock.metadata.source;

/**
 * A ticker due for classification, with what the store holds for it now (the {@code tickers} row).
 *
 * @param kisCode     KIS's industry code as stored (three digits; {@code 000} = none)
 * @param yahooSymbol the ticker in Yahoo's form ({@code BRK-B}, {@code 0700.HK})
 * @param sectorCode  the stored GICS sector (two digits), null when unclassified
 * @param source      the stored source's name ({@code KIS}, {@code YAHOO}, …), null when unclassified
 */
public record Candidate(String region, String ticker, String exchange, String nameEn, String nameKo,
                        String kisCode, String yahooSymbol, String sectorCode, String industry, String source,
                        boolean spac, boolean preferred) {
}
