package io.spock.metadata.shell;

import io.spock.metadata.app.Settings;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.classify.DisplayLanguage;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.SectorNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The {@code --lang} option of the commands that show sector names, read and checked in one place: the option's
 * language, else the setting {@value DisplayLanguage#SETTING}, else English.
 */
@Component
public class LangOption {

    static final String NAME = "lang";
    static final String LABEL = "LANG";
    static final String DESCRIPTION = "sector names in en, ko, zh-Hans, zh-Hant, ja or vi (default: spock.display.lang)";

    private final Settings settings;
    private final ObjectProvider<GicsTaxonomy> gics;

    public LangOption(Settings settings, ObjectProvider<GicsTaxonomy> gics) {
        this.settings = settings;
        this.gics = gics;
    }

    /**
     * The names a command shows.
     *
     * @param option the {@code --lang} value, or null when left out
     * @throws io.spock.metadata.app.UsageException for an unknown {@code --lang} (exit 2)
     * @throws io.spock.metadata.app.InvalidSettingException for a bad setting, when {@code --lang} is left out
     */
    SectorNames read(String option) {
        DisplayLanguage language = option != null ? DisplayLanguage.option(option) : configured();
        return new SectorNames(gics.getObject(), language, option != null);
    }

    /** The language completion offers names in: a valid {@code --lang} on the line, else the setting, else English. */
    DisplayLanguage forCompletion(List<String> words) {
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals("--" + NAME)) {
                return DisplayLanguage.parse(words.get(i + 1)).orElse(DisplayLanguage.EN);
            }
        }
        try {
            return configured();
        } catch (SpockException e) {
            return DisplayLanguage.EN;  // a bad setting is reported by the command, not by Tab
        }
    }

    private DisplayLanguage configured() {
        return DisplayLanguage.setting(settings.value(DisplayLanguage.SETTING, String.class, null));
    }
}
