package io.spock.metadata.enrich;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.source.Answer;
import io.spock.metadata.source.Candidate;
import io.spock.metadata.source.RegionView;
import io.spock.metadata.source.SourcePolicy;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import io.spock.metadata.store.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From answers to a ticker's outcome: the rules KIS-then-Yahoo always had (a low KIS answer stands when Yahoo has
 * nothing; a fund is not applicable; an unchecked low answer is retried), now over any chain of sources.
 */
class ResolverTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final Resolver RESOLVER = new Resolver(new SourcePolicy(List.of(Source.KIS, Source.PARENT,
            Source.YAHOO)));
    private static final Candidate CANDIDATE = new Candidate("US", "XYZ", "NYS", "XYZ Corp", null, "000", "XYZ",
            null, null, null, false, false);

    /**
     * KIS's answer ({@code sector:confidence} or {@code -}), Yahoo's verdict and sector, and the outcome: status,
     * sector ({@code -} for none), source.
     */
    @ParameterizedTest(name = "KIS {0}, Yahoo {1} {2} -> {3} {4} {5}")
    @CsvSource({
            "45:high,   ASKED_NOT, -,  CLASSIFIED,     45, KIS",
            "45:low,    SECTOR,    40, CLASSIFIED,     40, YAHOO",
            "45:low,    NOT_FOUND, -,  CLASSIFIED,     45, KIS",
            "45:low,    DEFERRED,  -,  DEFERRED,       45, KIS",
            "45:low,    FAILED,    -,  FAILED,         45, KIS",
            "45:low,    NONE,      -,  CLASSIFIED,     45, KIS",
            "45:low,    NOT_APPLICABLE, -, NOT_APPLICABLE, -, -",
            "45:low,    NO_SECTOR, -,  CLASSIFIED,     45, KIS",
            "-,         SECTOR,    25, CLASSIFIED,     25, YAHOO",
            "-,         NOT_FOUND, -,  NOT_FOUND,      -,  -",
            "-,         DEFERRED,  -,  DEFERRED,       -,  -",
            "-,         FAILED,    -,  FAILED,         -,  -",
            "-,         NONE,      -,  FAILED,         -,  -",
            "-,         NOT_APPLICABLE, -, NOT_APPLICABLE, -, -",
            "-,         NO_SECTOR, -,  NOT_FOUND,      -,  -",
            "45:medium, ASKED_NOT, -,  CLASSIFIED,     45, KIS",
            "-,         ASKED_NOT, -,  NOT_FOUND,      -,  -",
    })
    void todaysKisThenYahooRulesHold(String kis, String yahoo, String yahooSector, TickerStatus status,
                                     String sector, String source) {
        List<Answer> answers = new ArrayList<>();
        answers.add(kis.equals("-") ? Answer.without(Source.KIS, Verdict.NONE, "code 000", Instant.EPOCH)
                : sector(Source.KIS, kis.split(":")[0], Confidence.parse(kis.split(":")[1]).orElseThrow()));
        Optional<Answer> asked = Optional.empty();
        if (!yahoo.equals("ASKED_NOT")) {
            Answer y = yahoo.equals("SECTOR") ? sector(Source.YAHOO, yahooSector, Confidence.HIGH)
                    : Answer.without(Source.YAHOO, Verdict.valueOf(yahoo), "Yahoo: " + yahoo, Instant.EPOCH);
            answers.add(y);
            asked = Optional.of(y);
        }

        Outcome outcome = RESOLVER.resolve(CANDIDATE, RESOLVER.decide(answers), asked, List.of(), Optional.empty());

        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.sector() == null ? "-" : outcome.sector().code()).isEqualTo(sector);
        assertThat(outcome.source() == null ? "-" : outcome.source().name()).isEqualTo(source);
        assertThat(outcome.answers()).isEqualTo(answers);
    }

    @Test
    void anEquityWithoutASectorOnYahooKeepsTheClassificationItHadAndIsNotMarkedNotApplicable() {
        Answer none = Answer.without(Source.KIS, Verdict.NONE, "code 000", Instant.EPOCH);
        Answer noSector = Answer.without(Source.YAHOO, Verdict.NO_SECTOR,
                "Yahoo Finance gives no sector for this equity (quoteType EQUITY)", Instant.EPOCH);
        RegionView.Classification before = new RegionView.Classification(GICS.sector("45").orElseThrow(),
                Source.YAHOO, Confidence.HIGH);

        Outcome outcome = RESOLVER.resolve(CANDIDATE, RESOLVER.decide(List.of(none, noSector)), Optional.of(noSector),
                List.of(), Optional.of(before));

        assertThat(outcome.status()).isEqualTo(TickerStatus.CLASSIFIED);
        assertThat(outcome.sector().code()).isEqualTo("45");
        assertThat(outcome.source()).isEqualTo(Source.YAHOO);
        assertThat(outcome.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(outcome.error()).isEqualTo("Yahoo Finance gives no sector for this equity (quoteType EQUITY)");
        assertThat(outcome.answers()).containsExactly(none, noSector);
    }

    @Test
    void anUncheckedLowAnswerKeepsItsSectorAndTheReasonItWasNotChecked() {
        Answer deferred = Answer.without(Source.YAHOO, Verdict.DEFERRED, "Yahoo Finance unreachable", Instant.EPOCH);

        Outcome outcome = RESOLVER.resolve(CANDIDATE,
                RESOLVER.decide(List.of(sector(Source.KIS, "45", Confidence.LOW), deferred)), Optional.of(deferred),
                List.of(), Optional.empty());

        assertThat(outcome.error()).isEqualTo("Yahoo Finance unreachable");
        assertThat(outcome.confidence()).isEqualTo(Confidence.LOW);
        assertThat(outcome.problem()).isTrue();
    }

    @Test
    void anAnswerKeptFromAnEarlierRunCountsForTheDisagreementButNotForTheDecision() {
        Answer kis = sector(Source.KIS, "45", Confidence.MEDIUM);
        Answer earlierYahoo = sector(Source.YAHOO, "40", Confidence.HIGH);

        Outcome outcome = RESOLVER.resolve(CANDIDATE, RESOLVER.decide(List.of(kis)), Optional.empty(),
                List.of(earlierYahoo), Optional.empty());

        assertThat(outcome.sector().code()).isEqualTo("45");
        assertThat(outcome.source()).isEqualTo(Source.KIS);
        assertThat(outcome.disagreement()).isTrue();
    }

    @Test
    void aKeptAnswerOfASourceAskedAgainIsReplacedByTheNewOne() {
        Answer kis = sector(Source.KIS, "45", Confidence.LOW);
        Answer yahooNow = sector(Source.YAHOO, "45", Confidence.HIGH);
        Answer yahooBefore = sector(Source.YAHOO, "40", Confidence.HIGH);

        Outcome outcome = RESOLVER.resolve(CANDIDATE, RESOLVER.decide(List.of(kis, yahooNow)), Optional.of(yahooNow),
                List.of(yahooBefore), Optional.empty());

        assertThat(outcome.disagreement()).isFalse();
    }

    @Test
    void theWinnersReasonGoesToTheHistory() {
        Answer kis = Answer.sector(Source.KIS, GICS.sector("10").orElseThrow(), Confidence.HIGH, "010", "에너지",
                "KIS code 010 (HIGH)", Instant.EPOCH);

        assertThat(RESOLVER.resolve(CANDIDATE, RESOLVER.decide(List.of(kis)), Optional.empty(), List.of(),
                Optional.empty()).reason())
                .isEqualTo("KIS code 010 (HIGH)");
    }

    private static Answer sector(Source source, String code, Confidence confidence) {
        return Answer.sector(source, GICS.sector(code).orElseThrow(), confidence, null, null, source + " says",
                Instant.EPOCH);
    }
}
