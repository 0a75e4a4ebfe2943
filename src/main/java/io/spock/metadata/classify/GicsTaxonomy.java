package io.spock.metadata.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GICS 2023 as data ({@code gics/gics-2023.json}): 11 sectors named in every {@link DisplayLanguage}, with aliases
 * (second usages) per language and each language's published source; 25 industry groups and 74 industries in English.
 */
public final class GicsTaxonomy {

    private static final String RESOURCE = "/gics/gics-2023.json";

    /**
     * Where one language's names come from.
     *
     * @param name   the language in English ("Simplified Chinese (mainland usage)")
     * @param levels the GICS levels the language names: {@code sector}, {@code industry_group}, {@code industry}
     * @param source the published source of the names and aliases
     */
    public record LanguageSource(DisplayLanguage language, String name, List<String> levels, String source) {
        public LanguageSource {
            levels = List.copyOf(levels);
        }
    }

    private final Map<String, GicsSector> sectors;
    private final Map<String, Map<DisplayLanguage, String>> names;
    private final Map<String, Map<DisplayLanguage, List<String>>> aliases;
    private final Map<String, GicsSector> byName;
    private final Map<DisplayLanguage, LanguageSource> languages;
    private final List<GicsIndustryGroup> groups;
    private final List<GicsIndustry> industries;

    private GicsTaxonomy(Map<String, GicsSector> sectors, Map<String, Map<DisplayLanguage, String>> names,
                         Map<String, Map<DisplayLanguage, List<String>>> aliases, Map<String, GicsSector> byName,
                         Map<DisplayLanguage, LanguageSource> languages, List<GicsIndustryGroup> groups,
                         List<GicsIndustry> industries) {
        this.sectors = sectors;
        this.names = names;
        this.aliases = aliases;
        this.byName = byName;
        this.languages = languages;
        this.groups = groups;
        this.industries = industries;
    }

    /** The bundled data file; a broken one is a bug of this build ({@link IllegalStateException}, exit 1). */
    public static GicsTaxonomy load() {
        try (InputStream in = GicsTaxonomy.class.getResourceAsStream(RESOURCE)) {
            return from(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The taxonomy of a data file's content.
     *
     * @throws IllegalStateException when a language has no source, a sector lacks a name in some language, or one
     *                               name or alias stands for two sectors
     */
    static GicsTaxonomy from(JsonNode root) {
        Map<DisplayLanguage, LanguageSource> languages = new EnumMap<>(DisplayLanguage.class);
        for (DisplayLanguage language : DisplayLanguage.values()) {
            JsonNode node = root.path("languages").path(language.tag());
            List<String> levels = new ArrayList<>();
            node.path("levels").forEach(level -> levels.add(level.asText()));
            languages.put(language, new LanguageSource(language, required(node, "name", language.tag()), levels,
                    required(node, "source", language.tag())));
        }
        Map<String, GicsSector> sectors = new LinkedHashMap<>();
        Map<String, Map<DisplayLanguage, String>> names = new LinkedHashMap<>();
        Map<String, Map<DisplayLanguage, List<String>>> aliases = new LinkedHashMap<>();
        Map<String, GicsSector> byName = new LinkedHashMap<>();
        for (JsonNode node : root.path("sectors")) {
            String code = node.path("code").asText();
            Map<DisplayLanguage, String> named = new EnumMap<>(DisplayLanguage.class);
            Map<DisplayLanguage, List<String>> aliased = new EnumMap<>(DisplayLanguage.class);
            for (DisplayLanguage language : DisplayLanguage.values()) {
                named.put(language, required(node.path("names"), language.tag(), "sector " + code));
                List<String> list = new ArrayList<>();
                node.path("aliases").path(language.tag()).forEach(alias -> list.add(alias.asText()));
                aliased.put(language, List.copyOf(list));
            }
            GicsSector sector = new GicsSector(code, named.get(DisplayLanguage.EN), named.get(DisplayLanguage.KO));
            sectors.put(code, sector);
            names.put(code, named);
            aliases.put(code, aliased);
            index(byName, code, sector);
            named.values().forEach(name -> index(byName, name, sector));
            aliased.values().forEach(list -> list.forEach(alias -> index(byName, alias, sector)));
        }
        List<GicsIndustryGroup> groups = new ArrayList<>();
        root.path("industry_groups").forEach(n -> groups.add(
                new GicsIndustryGroup(n.path("code").asText(), n.path("name").asText())));
        List<GicsIndustry> industries = new ArrayList<>();
        root.path("industries").forEach(n -> industries.add(
                new GicsIndustry(n.path("code").asText(), n.path("name").asText())));
        return new GicsTaxonomy(sectors, names, aliases, byName, languages, List.copyOf(groups),
                List.copyOf(industries));
    }

    private static String required(JsonNode node, String field, String of) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": " + of + " has no \"" + field + "\"");
        }
        return value;
    }

    private static void index(Map<String, GicsSector> byName, String name, GicsSector sector) {
        GicsSector earlier = byName.putIfAbsent(key(name), sector);
        if (earlier != null && !earlier.equals(sector)) {
            throw new IllegalStateException(RESOURCE + ": '" + name + "' names both sector " + earlier.code()
                    + " and sector " + sector.code());
        }
    }

    /**
     * Folds what typing and pasting vary: case; spaces (also no-break and full-width ones), '-', '_', the Japanese
     * middle dot '・'; '&' and "and"; full-width letters and digits; and Latin accents, so that Vietnamese typed
     * without its diacritics still matches ("Tai chinh" is "Tài chính"). "consumer  staples", "Health care",
     * "정보 기술" and "資本財サービス" all match their names.
     */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("[\\u0300-\\u036f]", "");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('đ', 'd');
        return folded.replace("&", " ").replaceAll("\\band\\b", " ").replaceAll("[\\s\\p{Z}\\-_・·]+", "");
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

    /** A sector's name in a language, or empty for a code that is no GICS sector. */
    public Optional<String> name(String code, DisplayLanguage language) {
        return Optional.ofNullable(names.get(code)).map(named -> named.get(language));
    }

    /** The 11 sector names in a language, in code order. */
    public List<String> names(DisplayLanguage language) {
        return names.values().stream().map(named -> named.get(language)).toList();
    }

    /** A sector's aliases in a language (second usages), possibly none; empty for an unknown code. */
    public List<String> aliases(String code, DisplayLanguage language) {
        return Optional.ofNullable(aliases.get(code)).map(aliased -> aliased.get(language)).orElse(List.of());
    }

    /** Where a language's names come from, and which levels it names. */
    public LanguageSource source(DisplayLanguage language) {
        return languages.get(language);
    }

    /**
     * A sector from its code ("45") or any name or alias in any language; case, spacing, full-width forms and
     * Latin accents do not matter (see {@link #key}).
     */
    public Optional<GicsSector> resolveSector(String input) {
        return input == null ? Optional.empty() : Optional.ofNullable(byName.get(key(input.trim())));
    }

    /**
     * The sector names closest to an unknown input, for a "did you mean" hint, in the input's script: Korean names
     * for Hangul, the Chinese and Japanese names for Han and kana, Vietnamese for Latin with accents, English
     * otherwise; names containing the input come first, then by edit distance.
     */
    public List<String> closestSectorNames(String input, int limit) {
        String wanted = key(input == null ? "" : input);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return candidates(input == null ? "" : input).stream()
                .sorted(Comparator.comparing((String n) -> !key(n).contains(wanted))
                        .thenComparingInt(n -> distance.apply(key(n), wanted)))
                .limit(limit)
                .toList();
    }

    private Set<String> candidates(String input) {
        List<DisplayLanguage> languages;
        if (input.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL)) {
            languages = List.of(DisplayLanguage.KO);
        } else if (input.codePoints().anyMatch(GicsTaxonomy::isChineseOrJapanese)) {
            languages = List.of(DisplayLanguage.ZH_HANS, DisplayLanguage.ZH_HANT, DisplayLanguage.JA);
        } else if (input.codePoints().anyMatch(cp -> cp > 0x7f && Character.isLetter(cp))) {
            languages = List.of(DisplayLanguage.VI);
        } else {
            languages = List.of(DisplayLanguage.EN);
        }
        Set<String> candidates = new LinkedHashSet<>();
        languages.forEach(language -> candidates.addAll(names(language)));
        return candidates;
    }

    private static boolean isChineseOrJapanese(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
