package io.spock.metadata.kis;

import io.spock.metadata.classify.KisSectorMapping;

/**
 * One listing from a KIS overseas master file; every text field is trimmed.
 *
 * @param exchangeCode      KIS exchange code, column 3 (NAS, HKS, …)
 * @param symbol            KIS symbol, column 5
 * @param realtimeSymbol    realtime symbol, column 6 (e.g. DNASAAPL)
 * @param koreanName        column 7, decoded from cp949
 * @param englishName       column 8
 * @param securityType      column 9
 * @param currency          column 10
 * @param depositaryReceipt column 18 is Y
 * @param industryCode      column 20 as written (usually three digits, may be blank); see
 *                          {@link #normalisedIndustryCode()}
 * @param etpKind           column 23: 001 ETF, 002 ETN, 003 ETC, 004 other, 005/006 VIX ETF/ETN; blank for stocks
 */
public record KisMasterRecord(String exchangeCode, String symbol, String realtimeSymbol, String koreanName,
                              String englishName, KisSecurityType securityType, String currency,
                              boolean depositaryReceipt, String industryCode, String etpKind) {

    public boolean isStock() {
        return securityType == KisSecurityType.STOCK;
    }

    /** The industry code left-padded to three digits; blank and zero become {@code 000} (unclassified). */
    public String normalisedIndustryCode() {
        return KisSectorMapping.normalise(industryCode);
    }

    /** Stocks and exchange-traded products are listings of the universe; indexes and warrants are not. */
    public boolean isListing() {
        return securityType == KisSecurityType.STOCK || securityType == KisSecurityType.ETP;
    }

    /** The same record with its symbol in canonical form. */
    KisMasterRecord withSymbol(String canonical) {
        return canonical.equals(symbol) ? this : new KisMasterRecord(exchangeCode, canonical, realtimeSymbol,
                koreanName, englishName, securityType, currency, depositaryReceipt, industryCode, etpKind);
    }
}
