package io.spock.metadata.enrich;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-region counts: per source, per status, problems, disagreements, requests and retries. */
class RegionTallyTest {

    private static final GicsSector ENERGY = new GicsSector("10", "Energy", "에너지");

    @Test
    void countsEachOutcomeOnceByStatusAndTheClassifiedOnesBySource() {
        RegionTally tally = new RegionTally("US", List.of(Source.KIS, Source.PARENT, Source.YAHOO));
        tally.add(classified("A", Source.KIS, false));
        tally.add(classified("B", Source.YAHOO, true));
        tally.add(classified("C", Source.YAHOO, false));
        tally.add(unanswered("D", TickerStatus.NOT_APPLICABLE));
        tally.add(unanswered("E", TickerStatus.NOT_FOUND));
        tally.add(unanswered("F", TickerStatus.FAILED));
        tally.add(unanswered("G", TickerStatus.DEFERRED));
        tally.requested(3, 2);
        tally.requested(1, 0);
        tally.regionRetried();

        RegionSummary summary = tally.summary(RunState.COMPLETED, Duration.ofSeconds(2), null);

        assertThat(summary.total()).isEqualTo(7);
        assertThat(summary.enriched()).isEqualTo(3);
        assertThat(summary.bySource()).containsExactly(Map.entry(Source.KIS, 1),
                Map.entry(Source.PARENT, 0), Map.entry(Source.YAHOO, 2));
        assertThat(summary.bySourceKeys()).containsEntry("yahoo", 2);
        assertThat(summary.notApplicable()).isEqualTo(1);
        assertThat(summary.notFound()).as("not found is an answer, counted on its own").isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.deferred()).isEqualTo(1);
        assertThat(summary.disagreements()).isEqualTo(1);
        assertThat(summary.problems()).extracting(TickerProblem::ticker).containsExactly("E", "F", "G");
        assertThat(summary.yahooCalls()).isEqualTo(4);
        assertThat(summary.retries()).isEqualTo(2);
        assertThat(summary.allRetries()).isEqualTo(3);
        assertThat(tally.done("A")).isTrue();
        assertThat(tally.done("Z")).isFalse();
        assertThat(summary.incomplete()).as("failed and deferred make the run incomplete").isTrue();
    }

    @Test
    void aRegionWhoseOnlyUnresolvedTickersAreNotFoundIsComplete() {
        RegionTally tally = new RegionTally("US", List.of(Source.KIS, Source.YAHOO));
        tally.add(classified("A", Source.KIS, false));
        tally.add(unanswered("E", TickerStatus.NOT_FOUND));

        RegionSummary summary = tally.summary(RunState.COMPLETED, Duration.ofSeconds(1), null);

        assertThat(summary.notFound()).isEqualTo(1);
        assertThat(summary.failed()).isZero();
        assertThat(summary.incomplete()).isFalse();
        assertThat(summary.problems()).extracting(TickerProblem::ticker).containsExactly("E");
    }

    @Test
    void aRegionThatNeverStartedListsEverySourceWithNothing() {
        RegionSummary never = RegionSummary.notStarted("JP", List.of(Source.KIS, Source.YAHOO));

        assertThat(never.status()).isEqualTo(RunState.INTERRUPTED);
        assertThat(never.bySourceKeys()).containsOnlyKeys("kis", "yahoo").containsValues(0);
    }

    @Test
    void anOutcomeIsNeverPending() {
        RegionTally tally = new RegionTally("US", List.of(Source.KIS));

        assertThatThrownBy(() -> tally.add(unanswered("P", TickerStatus.PENDING)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Outcome classified(String ticker, Source source, boolean disagreement) {
        return new Outcome(candidate(ticker), TickerStatus.CLASSIFIED, ENERGY, null, source, Confidence.HIGH, false,
                false, null, "test", disagreement, List.of());
    }

    private static Outcome unanswered(String ticker, TickerStatus status) {
        return new Outcome(candidate(ticker), status, null, null, null, null, false, false, "why", null, false,
                List.of());
    }

    private static Candidate candidate(String ticker) {
        return new Candidate("US", ticker, "NYS", ticker, null, "000", ticker, null, null, null, false, false);
    }
}
