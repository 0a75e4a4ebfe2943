package io.spock.metadata.enrich;

/** A ticker chosen for enrichment, with what is stored for it now. */
public record Candidate(String region, String ticker, String exchange, String nameEn, String nameKo,
                        String kisCode, String yahooSymbol, String sectorCode, String industry, String source,
                        boolean spac, boolean preferred) {
}
