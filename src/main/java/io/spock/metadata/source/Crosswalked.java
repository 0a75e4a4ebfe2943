package io.spock.metadata.source;

import io.spock.metadata.classify.Crosswalk;
import io.spock.metadata.store.Source;

import java.time.Instant;

/** The answer of a bulk list whose native code maps to GICS through a {@link Crosswalk} row. */
final class Crosswalked {

    private Crosswalked() {
    }

    /**
     * A sector answer with the row's confidence and pinned industry group or industry.
     *
     * @param scheme   the native scheme in a word ({@code TSE-33}), for the history's reason
     * @param rawCode  the list's own code for the ticker (cut to the evidence column's 64 characters)
     * @param rawLabel the list's own label for it (cut to 256)
     * @param detail   which list, and of when
     */
    static Answer answer(Source source, String scheme, Crosswalk.Row row, String rawCode, String rawLabel,
                         String detail, Instant now) {
        return Answer.sector(source, row.sector(), row.confidence(), cut(rawCode, 64), cut(rawLabel, 256),
                        scheme + " " + cut(rawCode, 64) + " (" + row.confidence() + ")", now)
                .withIndustry(row.industryCode(), null)
                .withDetail(cut(detail, 256));
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
