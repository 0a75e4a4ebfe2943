package io.spock.metadata.source;

import io.spock.metadata.store.Verdict;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.KisSectorMatch;
import io.spock.metadata.store.Source;

import java.time.Clock;
import java.util.Optional;

/**
 * The {@code kis} source: KIS's industry code (master file column 20) through
 * {@code config/kis_sector_to_gics_mapping.json}, with that file's per-code confidence. No network.
 */
public final class KisCodeSource implements ClassificationSource {

    private final KisSectorMapping mapping;
    private final Clock clock;

    public KisCodeSource(KisSectorMapping mapping, Clock clock) {
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    public Source id() {
        return Source.KIS;
    }

    /**
     * The mapped sector with the code and KIS's class name as raw code and label; {@link Verdict#NONE} for code
     * 000 and for codes the mapping file lacks.
     */
    @Override
    public Answer answer(Candidate candidate, RegionView region) {
        Optional<KisSectorMatch> match = mapping.lookup(candidate.kisCode());
        if (match.isEmpty()) {
            String reason = KisSectorMapping.isUnclassified(candidate.kisCode()) ? "no KIS industry code (000)"
                    : "KIS code " + candidate.kisCode() + " is not in the mapping file";
            return Answer.without(Source.KIS, Verdict.NONE, reason, clock.instant());
        }
        KisSectorMatch m = match.get();
        return Answer.sector(Source.KIS, m.sector(), m.confidence(), m.code(), m.kisName(),
                "KIS code " + candidate.kisCode() + " (" + m.confidence() + ")", clock.instant());
    }
}
