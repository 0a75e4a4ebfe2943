package io.spock.metadata.enrich;

import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.source.ClassificationSource;
import io.spock.metadata.source.Decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/**
 * Asks the per-ticker sources (Yahoo) about the tickers the local answers did not settle, through the shared pool,
 * which bounds the requests in flight for all regions; each outcome goes to the region's {@link Batcher}.
 */
final class PerTickerAsking {

    /** A ticker the local answers did not settle, with those answers. */
    record Pending(Candidate candidate, List<Answer> answers) {
    }

    private final Pipeline pipeline;
    private final EnrichRequest request;
    private final RegionTally tally;
    private final StoreOutage outage;
    private final RegionDecisions decisions;

    PerTickerAsking(Pipeline pipeline, EnrichRequest request, RegionTally tally, StoreOutage outage,
                    RegionDecisions decisions) {
        this.pipeline = pipeline;
        this.request = request;
        this.tally = tally;
        this.outage = outage;
        this.decisions = decisions;
    }

    /**
     * Asks in two waves: first the tickers whose answer depends on no other pending ticker; then, once those are
     * settled, the others are asked the local sources again (a preferred share whose common share was just
     * classified) and only what is still open goes to the per-ticker sources. Returns true when interrupted.
     */
    boolean ask(List<Pending> pending, Batcher batcher) {
        Set<String> open = new HashSet<>();
        pending.forEach(p -> open.add(p.candidate().ticker()));
        List<Pending> first = new ArrayList<>();
        List<Pending> later = new ArrayList<>();
        for (Pending p : pending) {
            (dependsOnOpen(p.candidate(), open) ? later : first).add(p);
        }
        if (askAll(first, batcher)) {
            return true;
        }
        List<Pending> still = new ArrayList<>();
        for (Pending p : later) {
            List<Answer> answers = decisions.localAnswers(p.candidate());
            Decision decision = decisions.decide(answers);
            if (decision.settled()) {
                batcher.accept(decisions.decided(p.candidate(), decision, Optional.empty()));
            } else {
                still.add(new Pending(p.candidate(), answers));
            }
        }
        return askAll(still, batcher);
    }

    private boolean dependsOnOpen(Candidate candidate, Set<String> open) {
        return pipeline.chain().local().stream().map(s -> s.dependsOn(candidate))
                .anyMatch(d -> d.isPresent() && !d.get().equals(candidate.ticker()) && open.contains(d.get()));
    }

    private boolean askAll(List<Pending> pending, Batcher batcher) {
        if (pending.isEmpty()) {
            return false;
        }
        CompletionService<Outcome> completion = new ExecutorCompletionService<>(pipeline.perTickerPool());
        List<Future<Outcome>> submitted = new ArrayList<>(pending.size());
        try {
            for (Pending p : pending) {
                submitted.add(completion.submit(() -> askInOrder(p)));
            }
            for (int i = 0; i < pending.size(); i++) {
                batcher.accept(completion.take().get());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreOutage.Down down) {
                throw down;
            }
            throw new IllegalStateException("per-ticker lookup failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            submitted.forEach(f -> f.cancel(true));
        }
    }

    /**
     * Asks the per-ticker sources in order until the answers settle the ticker, each source's answer kept in the
     * store standing in for asking while it is fresh ({@link StoredAnswers}). Runs on the shared pool.
     */
    private Outcome askInOrder(Pending p) {
        List<Answer> answers = new ArrayList<>(p.answers());
        Answer last = null;
        Decision decision = null;
        for (ClassificationSource source : pipeline.chain().perTicker()) {
            outage.check();
            // --force-refresh asks past every cache, the store's shared one included
            last = (request.mode() == EnrichMode.FORCE_REFRESH ? Optional.<Answer>empty()
                    : pipeline.stored().fresh(p.candidate(), source.id()))
                    .orElseGet(() -> source.answer(p.candidate(), decisions.view()));
            tally.requested(last.requests(), last.retries());
            answers.add(last);
            decision = decisions.decide(answers);
            if (decision.settled()) {
                break;
            }
        }
        return decisions.decided(p.candidate(), decision, Optional.ofNullable(last));
    }
}
