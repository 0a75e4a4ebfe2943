package io.spock.metadata.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code config/yahoo_sector_to_gics.json}: Yahoo's 11 sector names → GICS, plus industry-level exceptions
 * (mortgage REITs are Financials; "Shell Companies" flags a SPAC).
 */
public final class YahooSectorMapping {

    private final Map<String, GicsSector> sectors;
    private final Map<String, Confidence> confidences;
    private final Map<String, IndustryRule> industries;

    /** An industry-level exception: a different sector, a SPAC flag, or both. */
    private record IndustryRule(GicsSector sector, boolean spac) {
    }

    private YahooSectorMapping(Map<String, GicsSector> sectors, Map<String, Confidence> confidences,
                               Map<String, IndustryRule> industries) {
        this.sectors = sectors;
        this.confidences = confidences;
        this.industries = industries;
    }

    public static YahooSectorMapping load(Path file, GicsTaxonomy gics) {
        Map<String, GicsSector> sectors = new LinkedHashMap<>();
        Map<String, Confidence> confidences = new LinkedHashMap<>();
        for (JsonEntries.Entry entry : JsonEntries.read(file, "sectors")) {
            String yahoo = JsonEntries.text(file, entry, "yahoo");
            GicsSector sector = sector(file, entry, gics, JsonEntries.text(file, entry, "sector"));
            String level = entry.node().path("confidence").asText("high");
            confidences.put(key(yahoo), Confidence.parse(level).orElseThrow(() -> new MappingFileException(file
                    + " line " + entry.line() + ": confidence '" + level + "' must be high, medium or low")));
            if (sectors.putIfAbsent(key(yahoo), sector) != null) {
                throw new MappingFileException(file + " line " + entry.line() + ": duplicate Yahoo sector '"
                        + yahoo + "'");
            }
        }
        Map<String, IndustryRule> industries = new LinkedHashMap<>();
        for (JsonEntries.Entry entry : JsonEntries.read(file, "industries")) {
            String industry = JsonEntries.text(file, entry, "industry");
            JsonNode sectorNode = entry.node().get("sector");
            GicsSector sector = sectorNode == null ? null : sector(file, entry, gics, sectorNode.asText());
            boolean spac = entry.node().path("spac").asBoolean(false);
            if (sector == null && !spac) {
                throw new MappingFileException(file + " line " + entry.line() + ": industry '" + industry
                        + "' needs a \"sector\" or \"spac\": true");
            }
            if (industries.putIfAbsent(key(normaliseIndustry(industry)), new IndustryRule(sector, spac)) != null) {
                throw new MappingFileException(file + " line " + entry.line() + ": duplicate industry '"
                        + industry + "'");
            }
        }
        return new YahooSectorMapping(sectors, confidences, industries);
    }

    private static GicsSector sector(Path file, JsonEntries.Entry entry, GicsTaxonomy gics, String code) {
        return gics.sector(code.trim()).orElseThrow(() -> new MappingFileException(file + " line " + entry.line()
                + ": unknown GICS sector '" + code + "'"));
    }

    /** One form for Yahoo industry names: 2021 data writes "Drug Manufacturers—General", 2025 data " - ". */
    public static String normaliseIndustry(String industry) {
        if (industry == null || industry.isBlank()) {
            return null;
        }
        return industry.trim().replaceAll("\\s*[—–]\\s*", " - ").replaceAll("\\s+-\\s+", " - ")
                .replaceAll("\\s+", " ");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** Maps Yahoo's sector (and industry, for the exceptions); empty when the sector is missing or unknown. */
    public Optional<YahooMatch> map(String yahooSector, String yahooIndustry) {
        String industry = normaliseIndustry(yahooIndustry);
        IndustryRule rule = industry == null ? null : industries.get(key(industry));
        GicsSector sector = rule != null && rule.sector() != null ? rule.sector()
                : yahooSector == null ? null : sectors.get(key(yahooSector));
        if (sector == null) {
            return Optional.empty();
        }
        return Optional.of(new YahooMatch(sector, industry, rule != null && rule.spac()));
    }

    /** How far a Yahoo sector's mapping can be trusted (the file's per-sector confidence, high when not given). */
    public Confidence confidence(String yahooSector) {
        return yahooSector == null ? Confidence.HIGH : confidences.getOrDefault(key(yahooSector), Confidence.HIGH);
    }

    /** The GICS sector for a Yahoo sector name ("Consumer Cyclical" → 25). */
    public Optional<GicsSector> resolveYahooSectorName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(sectors.get(key(name)));
    }

    /** The Yahoo sector names in their folded form (lower case, single spaces); read-only. */
    public Set<String> yahooSectorNames() {
        return Collections.unmodifiableSet(sectors.keySet());
    }
}
