package io.spock.metadata.classify;

/**
 * Sector names in one display language, as commands and reports show them.
 *
 * @param chosen true when the language was asked for with {@code --lang}: CSV and JSON, whose columns otherwise stay
 *               as they are, then add a {@code sector_name} in this language beside each sector code
 */
public record SectorNames(GicsTaxonomy gics, DisplayLanguage language, boolean chosen) {

    /** English names, as CSV and JSON write their labels whatever the display language. */
    public SectorNames english() {
        return new SectorNames(gics, DisplayLanguage.EN, chosen);
    }

    /**
     * The names an output's labels use: a table's are in the display language, CSV's and JSON's stay English so that
     * their content never depends on a setting.
     */
    public SectorNames labels(boolean table) {
        return table ? this : english();
    }

    /** Whether CSV or JSON add a {@code sector_name} in this language: only when {@code --lang} chose it. */
    public boolean nameColumn(boolean table) {
        return !table && chosen;
    }

    /** The sector's name in this language ({@code 信息技术}); null for null, the code itself for an unknown code. */
    public String name(String code) {
        return code == null ? null : gics.name(code, language).orElse(code);
    }

    /** Code and name ({@code 45 信息技术}); null for null, the code itself for an unknown code. */
    public String label(String code) {
        return code == null ? null : gics.name(code, language).map(name -> code + " " + name).orElse(code);
    }
}
