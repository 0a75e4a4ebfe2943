package io.spock.metadata.source;

import io.spock.metadata.market.KindDecision;
import io.spock.metadata.market.ListingKind;
import io.spock.metadata.market.ListingKinds;
import io.spock.metadata.market.Markets;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code parent} source: a preferred share, note, unit, warrant or right takes the GICS sector of its issuer's
 * common share in the same market ({@code ABR/D} → ABR, {@code AGNCP} → AGNC, {@code 25935} → 2593), with that
 * classification's confidence. No network: the kind and the common share's ticker come from the master-file line
 * alone ({@link ListingKinds#decide}, whose signals the README lists); the common share's classification comes from
 * this run's decisions, else from the store.
 *
 * <p>GICS classifies companies, not securities, so every listing of one issuer has the issuer's sector.
 */
public final class ParentSource implements ClassificationSource {

    private final Clock clock;

    public ParentSource(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Source id() {
        return Source.PARENT;
    }

    /** The first of the listing's possible common shares ({@link KindDecision#commonTicker()}), if it is not one. */
    @Override
    public Optional<String> dependsOn(Candidate candidate) {
        KindDecision kind = kind(candidate);
        return kind.kind() == ListingKind.COMMON ? Optional.empty() : Optional.ofNullable(kind.commonTicker());
    }

    /**
     * The sector of the first possible common share that has one, with its confidence; the common share's ticker is
     * the raw code, its source the label. {@link Verdict#NONE} for a common share, and when no common share of the
     * listing is classified.
     */
    @Override
    public Answer answer(Candidate candidate, RegionView region) {
        KindDecision kind = kind(candidate);
        if (kind.kind() == ListingKind.COMMON) {
            return Answer.without(Source.PARENT, Verdict.NONE, "a common share", clock.instant());
        }
        String what = kind.kind().name().toLowerCase(Locale.ROOT);
        if (kind.commonTickers().isEmpty()) {
            return Answer.without(Source.PARENT, Verdict.NONE, "a " + what + " whose symbol names no common share",
                    clock.instant());
        }
        for (String common : kind.commonTickers()) {
            Optional<RegionView.Classification> parent = region.classification(common);
            if (parent.isPresent()) {
                RegionView.Classification c = parent.get();
                return Answer.sector(Source.PARENT, c.sector(), c.confidence(), common, c.source().name(),
                        "a " + what + " of " + common + " (" + c.source().key() + ", " + c.confidence() + ")",
                        clock.instant());
            }
        }
        return Answer.without(Source.PARENT, Verdict.NONE, "a " + what + " of " + String.join(" or ",
                kind.commonTickers()) + ", which has no sector", clock.instant());
    }

    private static KindDecision kind(Candidate candidate) {
        return Markets.exchange(candidate.exchange())
                .map(exchange -> ListingKinds.decide(exchange, candidate.ticker(), candidate.nameEn(),
                        candidate.nameKo()))
                .orElse(KindDecision.PLAIN_COMMON);
    }
}
