package io.spock.metadata.classify;

/**
 * A Yahoo sector and industry mapped to GICS.
 *
 * @param industry     Yahoo's industry in one normalised form (" - " instead of an em dash), or null
 * @param spacIndustry the industry marks a blank-cheque company ("Shell Companies")
 */
public record YahooMatch(GicsSector sector, String industry, boolean spacIndustry) {
}
