package io.spock.metadata.source;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.KnownClassifications;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;

import java.time.Clock;

/**
 * The {@code known} source: {@code config/known_classifications.csv}, classifications known for certain (GICS 2023's
 * payment processors in Financials, for instance). Local, no network; every answer is of high confidence, with the
 * GICS code and its name as raw code and label and the file's source reference as the evidence's {@code detail}. A
 * manual fix still wins over it.
 */
public final class KnownClassificationSource implements ClassificationSource {

    /** The source's name in the store and in {@code config/sources.json} ({@code known}). */
    public static final Source KNOWN = Source.of("KNOWN");

    private final KnownClassifications known;
    private final Clock clock;

    public KnownClassificationSource(KnownClassifications known, Clock clock) {
        this.known = known;
        this.clock = clock;
    }

    @Override
    public Source id() {
        return KNOWN;
    }

    /** The listed sector (and industry group or industry, when the code names one); {@link Verdict#NONE} otherwise. */
    @Override
    public Answer answer(Candidate candidate, RegionView region) {
        return known.find(candidate.region(), candidate.ticker())
                .map(entry -> {
                    Answer answer = Answer.sector(KNOWN, entry.sector(), Confidence.HIGH, entry.code(),
                            entry.codeName(), "known classification: " + entry.reason(), clock.instant())
                            .withDetail(entry.reference());
                    return entry.code().length() > 2 ? answer.withIndustry(entry.code(), entry.codeName()) : answer;
                })
                .orElseGet(() -> Answer.without(KNOWN, Verdict.NONE, "not in " + KnownClassifications.FILE,
                        clock.instant()));
    }
}
