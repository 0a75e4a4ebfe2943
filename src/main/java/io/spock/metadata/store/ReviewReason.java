package io.spock.metadata.store;

import java.util.Locale;
import java.util.Optional;

/** Why a ticker is in the {@code review} queue. */
public enum ReviewReason {
    /** Two answers of at least medium confidence name different sectors. */
    DISAGREEMENT,
    /** The only answer with a sector is of low confidence. */
    LOW,
    /** A source does not know the symbol (Yahoo's 404). */
    NOT_FOUND;

    /** The option form: {@code disagreement}, {@code low}, {@code not-found}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the option form, in any case. */
    public static Optional<ReviewReason> parse(String text) {
        for (ReviewReason reason : values()) {
            if (reason.option().equalsIgnoreCase(text.trim())) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
