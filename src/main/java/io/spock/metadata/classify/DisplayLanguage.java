package io.spock.metadata.classify;

import io.spock.metadata.app.InvalidSettingException;
import io.spock.metadata.app.UsageException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The languages sector names are shown in ({@code --lang}, {@code spock.display.lang}), one per market the universe
 * covers, by BCP 47 tag. Each language's names and their published source are in {@code gics/gics-2023.json}.
 */
public enum DisplayLanguage {
    EN("en"),
    KO("ko"),
    /** Simplified Chinese, mainland usage. */
    ZH_HANS("zh-Hans"),
    /** Traditional Chinese, Hong Kong usage. */
    ZH_HANT("zh-Hant"),
    JA("ja"),
    VI("vi");

    /** The setting that chooses the language when {@code --lang} is left out. */
    public static final String SETTING = "spock.display.lang";

    private final String tag;

    DisplayLanguage(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag: {@code en}, {@code zh-Hans}, … */
    public String tag() {
        return tag;
    }

    /** A language from its tag, in any case, with {@code _} for {@code -} ({@code zh_hans}). */
    public static Optional<DisplayLanguage> parse(String text) {
        String wanted = text == null ? "" : text.trim().replace('_', '-');
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * The language of a {@code --lang} value.
     *
     * @throws UsageException (exit 2) naming the valid values
     */
    public static DisplayLanguage option(String text) {
        return parse(text).orElseThrow(() -> new UsageException("unknown --lang '" + text + "': choose " + choices()));
    }

    /**
     * The language of the {@value #SETTING} setting; English when it is not set.
     *
     * @throws InvalidSettingException (exit 2) for a value that is no language's tag
     */
    public static DisplayLanguage setting(String value) {
        if (value == null || value.isBlank()) {
            return EN;
        }
        return parse(value).orElseThrow(() -> new InvalidSettingException(SETTING, value, choices()));
    }

    /** Every tag, in order: for completion and help. */
    public static List<String> tags() {
        return Arrays.stream(values()).map(DisplayLanguage::tag).toList();
    }

    /** {@code en, ko, zh-Hans, zh-Hant, ja or vi}. */
    public static String choices() {
        List<String> tags = tags();
        return String.join(", ", tags.subList(0, tags.size() - 1)) + " or " + tags.get(tags.size() - 1);
    }
}
