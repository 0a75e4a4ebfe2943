package io.spock.metadata.shell;

import io.spock.metadata.classify.DisplayLanguage;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.SectorNames;

/** Sector codes as operators read them: {@code 40 Financials}. */
record SectorLabels(GicsTaxonomy gics) {

    /** Where a ticker had no sector. */
    static final String NONE = "none";

    /**
     * @param code  a stored sector code, or null
     * @param table in a table an empty sector shows as "-"; in CSV and JSON it stays empty
     */
    String of(String code, boolean table) {
        if (code == null) {
            return table ? "-" : null;
        }
        return new SectorNames(gics, DisplayLanguage.EN, false).label(code);
    }

    /** A label that is never empty, for the rows of the migration matrix. */
    String orNone(String code) {
        return code == null ? NONE : of(code, false);
    }
}
