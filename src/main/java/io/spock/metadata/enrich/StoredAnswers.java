package io.spock.metadata.enrich;

import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.store.Source;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The answer cache that every process sharing the store shares: a per-ticker source's answer kept in
 * {@code classification_evidence} less than the source's cache TTL ago (by this process or any other) is used
 * instead of asking again. Only answers about the ticker itself are kept there (a sector, not applicable, not
 * found); the answer keeps the time the source gave it, so that reusing it does not make it younger.
 */
final class StoredAnswers {

    private final EvidenceQuery evidence;
    private final Map<Source, Duration> ttl;
    private final Clock clock;

    /** @param ttl per source, how long its kept answers stand in for asking; sources not named are always asked */
    StoredAnswers(EvidenceQuery evidence, Map<Source, Duration> ttl, Clock clock) {
        this.evidence = evidence;
        this.ttl = Map.copyOf(ttl);
        this.clock = clock;
    }

    /** The source's kept answer about the candidate when it is younger than the source's TTL. */
    Optional<Answer> fresh(Candidate candidate, Source source) {
        Duration maxAge = ttl.get(source);
        if (maxAge == null) {
            return Optional.empty();
        }
        return evidence.latest(candidate.region(), candidate.ticker(), source)
                .filter(a -> a.verdict().kept() && a.observedAt().isAfter(clock.instant().minus(maxAge)))
                .map(a -> a.withReason(source + " answer of "
                        + LocalDateTime.ofInstant(a.observedAt(), clock.getZone()).withNano(0)
                        + ", kept in the store"));
    }
}
