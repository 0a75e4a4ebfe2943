package io.spock.metadata.market;

import java.util.Optional;

/**
 * One exchange as KIS names it, with everything needed to write its tickers canonically and turn them into Yahoo
 * symbols.
 *
 * @param code        KIS exchange code (NAS, NYS, …)
 * @param masterCode  the prefix of KIS's master file ({@code nasmst.cod.zip})
 * @param yahooSuffix the suffix Yahoo appends (".HK"), empty for US listings
 * @param tickerForm  how the market writes its tickers
 */
public record Exchange(String code, String name, Region region, String currency, String masterCode,
                       String yahooSuffix, SymbolRule rule, TickerForm tickerForm) {

    /** The ticker in this market's canonical form; empty when it is no ticker of this market. */
    public Optional<String> canonicalTicker(String ticker) {
        return tickerForm.canonical(ticker);
    }

    /** The Yahoo symbol of a ticker (canonical form) whose kind is already decided. */
    public String yahooSymbol(String ticker, KindDecision kind) {
        return rule.toYahoo(ticker.strip(), kind) + yahooSuffix;
    }

    /** The Yahoo symbol of a ticker (canonical form), its kind decided from its names (either may be null). */
    public String yahooSymbol(String ticker, String nameEn, String nameKo) {
        return yahooSymbol(ticker, ListingKinds.decide(this, ticker.strip(), nameEn, nameKo));
    }
}
