package io.spock.metadata.source;

import io.spock.metadata.store.Verdict;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Source;

import java.util.List;
import java.util.Optional;

/**
 * One source of GICS classifications in the chain that {@code config/sources.json} orders. A source answers one
 * ticker at a time; a bulk source (one download, many answers) does its download in {@link #prepare} and then
 * answers from what it holds.
 *
 * <p>Local sources (the default) are asked about every due ticker, because asking costs nothing per ticker: their
 * answers are kept as evidence and compared. Per-ticker sources ({@link #perTicker()}) cost a network request per
 * ticker: they are asked last, in order, and only about tickers that no answer of at least medium confidence has
 * settled.
 *
 * <p>Answers never throw for a source's own trouble: an unreachable service is a {@link Verdict#DEFERRED} or
 * {@link Verdict#FAILED} answer, a ticker the source cannot speak about is {@link Verdict#NONE}.
 */
public interface ClassificationSource {

    /** The name stored with its answers and used in {@code config/sources.json} (in lower case there). */
    Source id();

    /** Whether each answer costs a network request. */
    default boolean perTicker() {
        return false;
    }

    /**
     * Called once per region and attempt, before any {@link #answer} for it: a bulk source fetches (or reuses) its
     * list here. A failure must not throw: the source then answers {@link Verdict#NONE} (or a reason) for the region.
     */
    default void prepare(Region region, List<Candidate> due) {
    }

    /**
     * The ticker whose classification this source's answer for {@code candidate} depends on (for the
     * {@code parent} source, the common share), so that the pipeline asks again once that ticker is settled.
     */
    default Optional<String> dependsOn(Candidate candidate) {
        return Optional.empty();
    }

    /**
     * This source's answer about one ticker. Called from several threads at once for per-ticker sources.
     *
     * @param region what this run has decided so far about the region's other tickers, else what is stored
     */
    Answer answer(Candidate candidate, RegionView region);
}
