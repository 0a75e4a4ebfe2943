package io.spock.metadata.enrich;

import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.source.ClassificationSource;
import io.spock.metadata.source.Decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt's deciding for a region: the local sources' answers for a ticker, the policy's decision, and the
 * outcome it makes, recorded in the region's view so that later tickers (a preferred share after its common share)
 * see it. The view is touched by the region's thread and the per-ticker pool alike; it is safe for both.
 *
 * @param recorded the per-ticker sources' answers the store holds, by ticker: kept beside the new answers
 */
record RegionDecisions(Pipeline pipeline, RegionClassifications view, Map<String, List<Answer>> recorded) {

    /** Every local source's answer for {@code candidate}, in the chain's order. */
    List<Answer> localAnswers(Candidate candidate) {
        List<Answer> answers = new ArrayList<>();
        for (ClassificationSource source : pipeline.chain().local()) {
            answers.add(source.answer(candidate, view));
        }
        return answers;
    }

    Decision decide(List<Answer> answers) {
        return pipeline.resolver().decide(answers);
    }

    /** The outcome of {@code decision}, recorded in the view; {@code asked} is the last per-ticker answer, if any. */
    Outcome decided(Candidate candidate, Decision decision, Optional<Answer> asked) {
        Outcome outcome = pipeline.resolver().resolve(candidate, decision, asked,
                recorded.getOrDefault(candidate.ticker(), List.of()), view.classification(candidate.ticker()));
        view.decided(outcome);
        return outcome;
    }
}
