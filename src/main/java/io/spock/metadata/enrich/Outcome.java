package io.spock.metadata.enrich;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;

import java.util.List;

/**
 * What enrichment decided for one ticker.
 *
 * @param sector       null when nothing classified it (then {@code status} says why)
 * @param industry     the industry text the deciding source gave, else null (the stored one is kept)
 * @param source       where the sector came from; null when unclassified
 * @param confidence   the deciding answer's confidence; null when unclassified
 * @param error        one line for the operator when the ticker failed or was deferred
 * @param reason       why this sector, for the history ({@code KIS code 730 (LOW)}); null when unclassified
 * @param disagreement two answers of at least medium confidence name different sectors
 * @param answers      every answer this run got about the ticker, kept as evidence where they are answers
 */
public record Outcome(Candidate candidate, TickerStatus status, GicsSector sector, String industry, Source source,
                      Confidence confidence, boolean spac, boolean preferred, String error, String reason,
                      boolean disagreement, List<Answer> answers) {

    public Outcome {
        answers = List.copyOf(answers);
    }

    public boolean classified() {
        return sector != null;
    }

    /**
     * Not found, failed or deferred: the ticker is left without a sector and is listed with its reason. Failed and
     * deferred ones make the run exit 3; not found is an answer.
     */
    public boolean problem() {
        return status == TickerStatus.FAILED || status == TickerStatus.DEFERRED || status == TickerStatus.NOT_FOUND;
    }
}
