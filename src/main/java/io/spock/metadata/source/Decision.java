package io.spock.metadata.source;

import java.util.List;
import java.util.Optional;

/**
 * What the policy makes of the answers about one ticker.
 *
 * @param winner       the answer that decides the ticker's sector, empty when no answer has a sector
 * @param disagreement two answers of at least medium confidence name different sectors: the ticker goes to review
 * @param answers      every answer considered, in the order the sources were asked
 */
public record Decision(Optional<Answer> winner, boolean disagreement, List<Answer> answers) {

    public Decision {
        answers = List.copyOf(answers);
    }

    /** The winner stands without asking the next source (medium or high confidence). */
    public boolean settled() {
        return winner.map(Answer::standsAlone).orElse(false);
    }
}
