package io.spock.metadata.curate;

import io.spock.metadata.classify.GicsSector;

/**
 * An operator's spot fix.
 *
 * @param sector   the sector to set, or null to clear the manual fix
 * @param industry industry text to set; null keeps the stored one if the sector stays, and clears it otherwise
 */
public record ManualFix(String region, String ticker, GicsSector sector, String industry, String reason) {

    public boolean clearing() {
        return sector == null;
    }
}
