package io.spock.metadata.source;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code kis} source on the shipped mapping file. */
class KisCodeSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final KisCodeSource KIS = new KisCodeSource(KisSectorMapping.load(
            Path.of("config", "kis_sector_to_gics_mapping.json"), GicsTaxonomy.load()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aMappedCodeAnswersItsSectorWithTheCodesConfidenceAndKisOwnLabel() {
        Answer answer = KIS.answer(candidate("730"), RegionView.EMPTY);

        assertThat(answer.source()).isEqualTo(Source.KIS);
        assertThat(answer.verdict()).isEqualTo(Verdict.SECTOR);
        assertThat(answer.sector().code()).isEqualTo("45");
        assertThat(answer.confidence()).isEqualTo(Confidence.LOW);
        assertThat(answer.rawCode()).isEqualTo("730");
        assertThat(answer.rawLabel()).isEqualTo("컴퓨터전자장비/기기");
        assertThat(answer.reason()).isEqualTo("KIS code 730 (LOW)");
        assertThat(answer.observedAt()).isEqualTo(NOW);
        assertThat(answer.requests()).isZero();
    }

    @Test
    void codeZeroAndUnmappedCodesHaveNothingToSay() {
        assertThat(KIS.answer(candidate("000"), RegionView.EMPTY).verdict()).isEqualTo(Verdict.NONE);
        Answer unmapped = KIS.answer(candidate("999"), RegionView.EMPTY);
        assertThat(unmapped.verdict()).isEqualTo(Verdict.NONE);
        assertThat(unmapped.reason()).isEqualTo("KIS code 999 is not in the mapping file");
        assertThat(KIS.perTicker()).isFalse();
    }

    private static Candidate candidate(String code) {
        return new Candidate("US", "AAPL", "NAS", "APPLE INC", "애플", code, "AAPL", null, null, null, false, false);
    }
}
