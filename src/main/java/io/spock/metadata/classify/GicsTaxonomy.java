package io.spock.metadata.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** GICS 2023 as data ({@code gics/gics-2023.json}): 11 sectors with Korean names and aliases, 25 groups, 74 industries. */
public final class GicsTaxonomy {

    private static final String RESOURCE = "/gics/gics-2023.json";

    private final Map<String, GicsSector> sectors;
    private final Map<String, GicsSector> byName;
    private final List<GicsIndustryGroup> groups;
    private final List<GicsIndustry> industries;

    private GicsTaxonomy(Map<String, GicsSector> sectors, Map<String, GicsSector> byName,
                         List<GicsIndustryGroup> groups, List<GicsIndustry> industries) {
        this.sectors = sectors;
        this.byName = byName;
        this.groups = groups;
        this.industries = industries;
    }

    public static GicsTaxonomy load() {
        try (InputStream in = GicsTaxonomy.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, GicsSector> sectors = new LinkedHashMap<>();
            Map<String, GicsSector> byName = new LinkedHashMap<>();
            for (JsonNode node : root.path("sectors")) {
                GicsSector sector = new GicsSector(node.path("code").asText(), node.path("name_en").asText(),
                        node.path("name_ko").asText());
                sectors.put(sector.code(), sector);
                byName.put(key(sector.code()), sector);
                byName.put(key(sector.nameEn()), sector);
                byName.put(key(sector.nameKo()), sector);
                node.path("aliases").forEach(alias -> byName.put(key(alias.asText()), sector));
            }
            List<GicsIndustryGroup> groups = new ArrayList<>();
            root.path("industry_groups").forEach(n -> groups.add(
                    new GicsIndustryGroup(n.path("code").asText(), n.path("name").asText())));
            List<GicsIndustry> industries = new ArrayList<>();
            root.path("industries").forEach(n -> industries.add(
                    new GicsIndustry(n.path("code").asText(), n.path("name").asText())));
            return new GicsTaxonomy(sectors, byName, List.copyOf(groups), List.copyOf(industries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Folds case, spaces (also no-break and full-width ones, as pasted from web pages or a Korean IME), '&' and
     * "and", so "consumer  staples", "Health care" and "정보 기술" all match.
     */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", " ").replaceAll("\\band\\b", " ")
                .replaceAll("[\\s\\p{Z}\\-_]+", "");
    }

    public Optional<GicsSector> sector(String code) {
        return Optional.ofNullable(sectors.get(code));
    }

    public List<GicsSector> sectors() {
        return List.copyOf(sectors.values());
    }

    public List<GicsIndustryGroup> industryGroups() {
        return groups;
    }

    public List<GicsIndustry> industries() {
        return industries;
    }

    /**
     * The English name of a GICS code: a sector (2 digits), an industry group (4) or an industry (6); empty for a
     * code GICS 2023 does not have.
     */
    public Optional<String> nameOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.length()) {
            case 2 -> sector(code).map(GicsSector::nameEn);
            case 4 -> groups.stream().filter(g -> g.code().equals(code)).map(GicsIndustryGroup::name).findFirst();
            case 6 -> industries.stream().filter(i -> i.code().equals(code)).map(GicsIndustry::name).findFirst();
            default -> Optional.empty();
        };
    }

    /** A sector from its code ("45"), English name, Korean name or any alias; case and spacing do not matter. */
    public Optional<GicsSector> resolveSector(String input) {
        return input == null ? Optional.empty() : Optional.ofNullable(byName.get(key(input.trim())));
    }

    /**
     * The sector names closest to an unknown input, for a "did you mean" hint: Korean names for Korean input,
     * English otherwise; names containing the input come first, then by edit distance.
     */
    public List<String> closestSectorNames(String input, int limit) {
        String wanted = key(input == null ? "" : input);
        boolean korean = wanted.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return sectors.values().stream()
                .map(s -> korean ? s.nameKo() : s.nameEn())
                .sorted(Comparator.comparing((String n) -> !key(n).contains(wanted))
                        .thenComparingInt(n -> distance.apply(key(n), wanted)))
                .limit(limit)
                .toList();
    }
}
