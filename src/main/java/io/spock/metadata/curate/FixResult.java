package io.spock.metadata.curate;

/**
 * What a spot fix did.
 *
 * @param changed false when the fix would change nothing (then nothing was written)
 * @param before  the sector before, as "45 Information Technology (YAHOO)" or "-"
 * @param after   the sector after, in the same form
 */
public record FixResult(String region, String ticker, boolean changed, String before, String after, boolean dryRun) {
}
