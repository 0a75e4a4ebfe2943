package io.spock.metadata.universe;

import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.KisSectorMatch;
import io.spock.metadata.kis.KisIndustryCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * KIS's live industry code list beside the local mapping file: which codes the mapping lacks, and which mapped
 * codes KIS no longer lists (for that exchange).
 */
public final class IndustryCodeComparison {

    /** How a code stands between KIS and the mapping. */
    public enum Standing {
        MAPPED, NOT_IN_MAPPING, NOT_LISTED_BY_KIS
    }

    /**
     * One code.
     *
     * @param kisName the name KIS gives now, empty when KIS does not list the code
     * @param mapping the mapping's answer, null when the mapping lacks the code
     */
    public record Row(String code, String kisName, KisSectorMatch mapping, Standing standing) {
    }

    private IndustryCodeComparison() {
    }

    /** Every code of either side, in code order. */
    public static List<Row> compare(List<KisIndustryCode> listed, KisSectorMapping mapping) {
        Map<String, String> kisNames = new LinkedHashMap<>();
        listed.forEach(code -> kisNames.putIfAbsent(KisSectorMapping.normalise(code.code()), code.name()));
        kisNames.remove(KisSectorMapping.UNCLASSIFIED);
        TreeSet<String> codes = new TreeSet<>(kisNames.keySet());
        codes.addAll(mapping.codes());
        List<Row> rows = new ArrayList<>();
        for (String code : codes) {
            KisSectorMatch match = mapping.lookup(code).orElse(null);
            Standing standing = match == null ? Standing.NOT_IN_MAPPING
                    : kisNames.containsKey(code) ? Standing.MAPPED : Standing.NOT_LISTED_BY_KIS;
            rows.add(new Row(code, kisNames.getOrDefault(code, ""), match, standing));
        }
        return rows;
    }
}
