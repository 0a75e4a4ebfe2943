package io.spock.metadata.enrich;

import io.spock.metadata.store.Verdict;
import io.spock.metadata.classify.SecurityFlags;
import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.source.Decision;
import io.spock.metadata.source.RegionView;
import io.spock.metadata.source.SourcePolicy;
import io.spock.metadata.store.TickerStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns the answers about one ticker into its outcome, by the {@link SourcePolicy}:
 * <ul>
 *   <li>the winning answer classifies the ticker;</li>
 *   <li>a low-confidence winner whose per-ticker check could not be made (deferred, failed) keeps its sector but
 *       leaves the ticker DEFERRED or FAILED, so that the next run asks again;</li>
 *   <li>a per-ticker source that says "no sector, it is a fund" makes the ticker NOT_APPLICABLE unless an answer
 *       of at least medium confidence gives a sector;</li>
 *   <li>a per-ticker source that has no sector for an equity ({@link Verdict#NO_SECTOR}) is no answer: the other
 *       answers decide; with none, a ticker classified before keeps its classification (asked again when stale),
 *       and one never classified is NOT_FOUND;</li>
 *   <li>without any sector, the last per-ticker answer says why: NOT_FOUND, DEFERRED or FAILED.</li>
 * </ul>
 */
final class Resolver {

    private final SourcePolicy policy;

    Resolver(SourcePolicy policy) {
        this.policy = policy;
    }

    /** The policy's decision over this run's answers. */
    Decision decide(List<Answer> answers) {
        return policy.decide(answers);
    }

    /**
     * @param decision the policy's decision over this run's answers about the ticker ({@link #decide})
     * @param asked    the last per-ticker answer, when a per-ticker source was asked
     * @param recorded answers kept from earlier runs by sources this run did not ask, for the disagreement mark
     * @param stored   the ticker's classification before this run, if it has one
     */
    Outcome resolve(Candidate candidate, Decision decision, Optional<Answer> asked, Collection<Answer> recorded,
                    Optional<RegionView.Classification> stored) {
        List<Answer> answers = decision.answers();
        boolean disagreement = decision.disagreement();
        if (!recorded.isEmpty()) {
            List<Answer> all = new ArrayList<>(answers);
            recorded.stream().filter(r -> answers.stream().noneMatch(a -> a.source() == r.source()))
                    .forEach(all::add);
            disagreement = SourcePolicy.disagree(all);
        }
        Optional<Answer> winner = decision.winner();
        boolean preferred = candidate.preferred()
                || SecurityFlags.isPreferred(candidate.nameKo(), candidate.yahooSymbol());
        if (asked.filter(a -> a.verdict() == Verdict.NOT_APPLICABLE).isPresent() && !decision.settled()) {
            return unanswered(candidate, TickerStatus.NOT_APPLICABLE, asked.get().reason(), preferred, disagreement,
                    answers);
        }
        if (winner.isEmpty() && stored.isPresent() && asked.filter(a -> a.verdict() == Verdict.NO_SECTOR).isPresent()) {
            RegionView.Classification kept = stored.get();
            return new Outcome(candidate, TickerStatus.CLASSIFIED, kept.sector(), null, kept.source(),
                    kept.confidence(), candidate.spac(), preferred, asked.get().reason(), null, disagreement, answers);
        }
        if (winner.isEmpty()) {
            Answer last = asked.orElse(null);
            TickerStatus status = last == null ? TickerStatus.NOT_FOUND : switch (last.verdict()) {
                case DEFERRED -> TickerStatus.DEFERRED;
                case NOT_FOUND, NO_SECTOR -> TickerStatus.NOT_FOUND;
                default -> TickerStatus.FAILED;
            };
            String error = last == null ? "no source has an answer" : last.reason();
            return unanswered(candidate, status, error, preferred, disagreement, answers);
        }
        Answer w = winner.get();
        TickerStatus status = TickerStatus.CLASSIFIED;
        String error = null;
        Optional<Answer> unchecked = asked.filter(a -> !w.standsAlone()
                && (a.verdict() == Verdict.DEFERRED || a.verdict() == Verdict.FAILED));
        if (unchecked.isPresent()) {
            status = unchecked.get().verdict() == Verdict.DEFERRED ? TickerStatus.DEFERRED : TickerStatus.FAILED;
            error = unchecked.get().reason();
        }
        boolean spac = w.spac() != null ? w.spac()
                : candidate.spac() || SecurityFlags.isSpac(candidate.nameEn(), null);
        return new Outcome(candidate, status, w.sector(), w.industry(), w.source(), w.confidence(), spac, preferred,
                error, w.reason(), disagreement, answers);
    }

    private static Outcome unanswered(Candidate candidate, TickerStatus status, String error, boolean preferred,
                                      boolean disagreement, List<Answer> answers) {
        return new Outcome(candidate, status, null, null, null, null, candidate.spac(), preferred, error, null,
                disagreement, answers);
    }
}
