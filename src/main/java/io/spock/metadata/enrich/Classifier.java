package io.spock.metadata.enrich;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.KisSectorMatch;
import io.spock.metadata.classify.SecurityFlags;
import io.spock.metadata.classify.YahooMatch;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.yahoo.ProfileResult;
import io.spock.metadata.yahoo.YahooProfile;

import java.util.Optional;

/**
 * The classification rules: a high-confidence KIS code answers at once; anything else asks Yahoo, and a
 * low-confidence KIS answer stands when Yahoo has nothing better.
 */
public final class Classifier {

    private final KisSectorMapping kis;
    private final YahooSectorMapping yahoo;

    public Classifier(KisSectorMapping kis, YahooSectorMapping yahoo) {
        this.kis = kis;
        this.yahoo = yahoo;
    }

    /** The KIS answer when it is good enough on its own; empty means Yahoo must be asked. */
    public Optional<Outcome> fromKisAlone(Candidate candidate) {
        return kis.lookup(candidate.kisCode())
                .filter(match -> match.confidence() == Confidence.HIGH)
                .map(match -> kisOutcome(candidate, match, TickerStatus.CLASSIFIED, null, false));
    }

    /** Combines Yahoo's answer (or failure) with whatever KIS said. */
    public Outcome withYahoo(Candidate candidate, ProfileResult answer) {
        Optional<KisSectorMatch> kisMatch = kis.lookup(candidate.kisCode());
        return switch (answer.kind()) {
            case FOUND -> fromProfile(candidate, answer.profile(), kisMatch);
            case NOT_APPLICABLE -> new Outcome(candidate, TickerStatus.NOT_APPLICABLE, null, null, null, null,
                    candidate.spac(), preferred(candidate), "no sector on Yahoo Finance ("
                    + answer.profile().quoteType().orElse("fund") + ")", true);
            case NOT_FOUND -> kisMatch.map(m -> kisOutcome(candidate, m, TickerStatus.CLASSIFIED, null, true))
                    .orElseGet(() -> unanswered(candidate, TickerStatus.NOT_FOUND, answer.reason()));
            case DEFERRED -> kisMatch.map(m -> kisOutcome(candidate, m, TickerStatus.DEFERRED, answer.reason(), true))
                    .orElseGet(() -> unanswered(candidate, TickerStatus.DEFERRED, answer.reason()));
            case FAILED -> kisMatch.map(m -> kisOutcome(candidate, m, TickerStatus.FAILED, answer.reason(), true))
                    .orElseGet(() -> unanswered(candidate, TickerStatus.FAILED, answer.reason()));
        };
    }

    private Outcome fromProfile(Candidate candidate, YahooProfile profile, Optional<KisSectorMatch> kisMatch) {
        String name = profile.longName().or(profile::shortName).orElse(candidate.nameEn());
        Optional<YahooMatch> match = yahoo.map(profile.sector().orElse(null), profile.industry().orElse(null));
        if (match.isEmpty()) {
            String reason = "unknown Yahoo sector '" + profile.sector().orElse("") + "'";
            return kisMatch.map(m -> kisOutcome(candidate, m, TickerStatus.CLASSIFIED, null, true))
                    .orElseGet(() -> unanswered(candidate, TickerStatus.FAILED, reason));
        }
        YahooMatch m = match.get();
        boolean spac = m.spacIndustry() || SecurityFlags.isSpac(name, m.industry());
        return new Outcome(candidate, TickerStatus.CLASSIFIED, ref(m.sector()), m.industry(), Source.YAHOO, "HIGH",
                spac, preferred(candidate), null, true);
    }

    private Outcome kisOutcome(Candidate candidate, KisSectorMatch match, TickerStatus status, String error,
                               boolean yahooAsked) {
        return new Outcome(candidate, status, ref(match.sector()), null, Source.KIS, match.confidence().name(),
                candidate.spac() || SecurityFlags.isSpac(candidate.nameEn(), null), preferred(candidate), error,
                yahooAsked);
    }

    private static Outcome unanswered(Candidate candidate, TickerStatus status, String error) {
        return new Outcome(candidate, status, null, null, null, null, candidate.spac(), preferred(candidate), error,
                true);
    }

    private static boolean preferred(Candidate candidate) {
        return candidate.preferred() || SecurityFlags.isPreferred(candidate.nameKo(), candidate.yahooSymbol());
    }

    private static Outcome.SectorRef ref(GicsSector sector) {
        return new Outcome.SectorRef(sector.code(), sector.nameEn(), sector.nameKo());
    }
}
