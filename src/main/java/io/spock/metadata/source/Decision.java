package io.spock.metadata.source;

import java.util.List;
import java.util.Optional;

/**
 * What the policy makes of the answers about one ticker.
 *
 * @param winner       the answer that decides the ticker's sector, empty when no answer has a sector
 * @param disagreement two answers of at least medium confidence name different sectors: the ticker goes to review
 * @param confirmed    a second source names the winner's sector too
 * @param answers      every answer considered, in the order the sources were asked
 */
public record Decision(Optional<Answer> winner, boolean disagreement, boolean confirmed, List<Answer> answers) {

    public Decision {
        answers = List.copyOf(answers);
    }

    /**
     * The winner stands without asking the next source: it is of medium or high confidence, or a second source names
     * the same sector (two low answers that agree are not sent to a per-ticker source).
     */
    public boolean settled() {
        return winner.map(Answer::standsAlone).orElse(false) || confirmed;
    }
}
