package io.spock.metadata.jpx;

import java.util.Map;
import java.util.Optional;

/**
 * The parsed workbook.
 *
 * @param date   the 日付 of its rows ({@code 20260930}), the month-end the list describes
 * @param issues by local code
 */
public record JpxList(String date, Map<String, JpxIssue> issues) {

    public JpxList {
        issues = Map.copyOf(issues);
    }

    public Optional<JpxIssue> issue(String code) {
        return Optional.ofNullable(issues.get(code));
    }
}
