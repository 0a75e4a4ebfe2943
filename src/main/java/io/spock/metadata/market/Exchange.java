package io.spock.metadata.market;

/**
 * One exchange as KIS names it, with everything needed to turn its symbols into Yahoo symbols.
 *
 * @param code        KIS exchange code (NAS, NYS, …)
 * @param masterCode  the prefix of KIS's master file ({@code nasmst.cod.zip})
 * @param yahooSuffix the suffix Yahoo appends (".HK"), empty for US listings
 */
public record Exchange(String code, String name, Region region, String currency, String masterCode,
                       String yahooSuffix, SymbolRule rule) {

    public String yahooSymbol(String kisSymbol, boolean preferred) {
        return rule.toYahoo(kisSymbol.trim(), preferred) + yahooSuffix;
    }
}
