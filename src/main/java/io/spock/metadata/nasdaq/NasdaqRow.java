package io.spock.metadata.nasdaq;

/**
 * One row of Nasdaq's stock screener.
 *
 * @param symbol   as Nasdaq writes it ({@code BRK/B}, {@code AULT^D})
 * @param industry Nasdaq's industry ({@code Computer Software: Prepackaged Software}); empty for units and some
 *                 preferreds
 * @param sector   Nasdaq's own sector ({@code Technology}), kept as raw evidence only
 */
public record NasdaqRow(String symbol, String name, String industry, String sector) {
}
