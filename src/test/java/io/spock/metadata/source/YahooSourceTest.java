package io.spock.metadata.source;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;
import io.spock.metadata.yahoo.ProfileResult;
import io.spock.metadata.yahoo.YahooEndpoint;
import io.spock.metadata.yahoo.YahooProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code yahoo} source's mapping stage: each kind of Yahoo result (the fields of a quoteSummary assetProfile
 * and quoteType, as recorded for AAPL, QQQ and ADH) becomes an answer. The fetch stage is tested against WireMock
 * in the {@code yahoo} package.
 */
class YahooSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final YahooSource YAHOO = new YahooSource(null, YahooSectorMapping.load(
            Path.of("config", "yahoo_sector_to_gics.json"), GicsTaxonomy.load()), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final Candidate AAPL = new Candidate("US", "AAPL", "NAS", "APPLE INC", "애플", "730", "AAPL",
            null, null, null, false, false);

    @Test
    void aProfileWithASectorIsAHighConfidenceAnswerWithYahoosOwnWordsKept() {
        YahooProfile apple = profile("Technology", "Consumer Electronics", "EQUITY", "Apple Inc.");

        Answer answer = YAHOO.answer(AAPL, new ProfileResult(ProfileResult.Kind.FOUND, apple, "found", 1, 1));

        assertThat(answer.source()).isEqualTo(Source.YAHOO);
        assertThat(answer.sector().code()).isEqualTo("45");
        assertThat(answer.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(answer.industry()).isEqualTo("Consumer Electronics");
        assertThat(answer.rawCode()).isEqualTo("Technology");
        assertThat(answer.rawLabel()).isEqualTo("Technology / Consumer Electronics");
        assertThat(answer.detail()).isEqualTo("quoteSummary");
        assertThat(answer.spac()).isFalse();
        assertThat(answer.reason()).isEqualTo("Yahoo Finance profile");
        assertThat(answer.observedAt()).isEqualTo(NOW);
    }

    @Test
    void shellCompaniesAreSpacsAndMortgageReitsAreFinancials() {
        Answer spac = YAHOO.answer(AAPL, new ProfileResult(ProfileResult.Kind.FOUND,
                profile("Financial Services", "Shell Companies", "EQUITY", "Ares Acquisition Corp II"), "found", 1, 1));
        Answer mortgage = YAHOO.answer(AAPL, new ProfileResult(ProfileResult.Kind.FOUND,
                profile("Real Estate", "REIT—Mortgage", "EQUITY", "Arbor Realty Trust"), "found", 1, 1));

        assertThat(spac.spac()).isTrue();
        assertThat(mortgage.sector().code()).isEqualTo("40");
    }

    @Test
    void anUnknownYahooSectorIsNoAnswer() {
        Answer answer = YAHOO.answer(AAPL, new ProfileResult(ProfileResult.Kind.FOUND,
                profile("Conglomerates", null, "EQUITY", "X"), "found", 1, 1));

        assertThat(answer.verdict()).isEqualTo(Verdict.NONE);
        assertThat(answer.reason()).isEqualTo("unknown Yahoo sector 'Conglomerates'");
    }

    @Test
    void aFundIsNotApplicableWithItsQuoteType() {
        Answer answer = YAHOO.answer(AAPL, new ProfileResult(ProfileResult.Kind.NOT_APPLICABLE,
                profile(null, null, "ETF", "Invesco QQQ Trust"), "no sector", 1, 1));

        assertThat(answer.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(answer.reason()).isEqualTo("no sector on Yahoo Finance (ETF)");
        assertThat(answer.rawLabel()).isEqualTo("ETF");
    }

    @Test
    void anEquityWithoutASectorIsNoAnswerKeptAsEvidenceWithTheEndpoint() {
        YahooProfile ocado = new YahooProfile(Optional.empty(), Optional.empty(), Optional.of("EQUITY"),
                Optional.of("Ocado Group plc"), Optional.empty(), YahooEndpoint.SEARCH);

        Answer answer = YAHOO.answer(AAPL, new ProfileResult(ProfileResult.Kind.NO_SECTOR, ocado,
                "Yahoo Finance gives no sector for this equity (quoteType EQUITY)", 1, 2));

        assertThat(answer.verdict()).isEqualTo(Verdict.NO_SECTOR);
        assertThat(answer.hasSector()).isFalse();
        assertThat(answer.verdict().kept()).isTrue();
        assertThat(answer.detail()).isEqualTo("search");
        assertThat(answer.reason()).isEqualTo("Yahoo Finance gives no sector for this equity (quoteType EQUITY)");
    }

    @Test
    void theEndpointThatAnsweredIsTheEvidencesDetail() {
        YahooProfile searched = new YahooProfile(Optional.of("Technology"), Optional.of("Consumer Electronics"),
                Optional.of("EQUITY"), Optional.of("Apple Inc."), Optional.empty(), YahooEndpoint.SEARCH);

        Answer answer = YAHOO.answer(AAPL, new ProfileResult(ProfileResult.Kind.FOUND, searched, "found", 1, 1));
        Answer notFound = YAHOO.answer(AAPL, new ProfileResult(ProfileResult.Kind.NOT_FOUND, null, "gone", 1, 2));

        assertThat(answer.detail()).isEqualTo("search");
        assertThat(notFound.detail()).isEqualTo("quoteSummary");
    }

    @ParameterizedTest
    @EnumSource(value = ProfileResult.Kind.class, names = {"NOT_FOUND", "DEFERRED", "FAILED"})
    void answersWithoutAProfileKeepYahoosReason(ProfileResult.Kind kind) {
        Answer answer = YAHOO.answer(AAPL, new ProfileResult(kind, null, "why " + kind, 2, 2));

        assertThat(answer.verdict()).isEqualTo(Verdict.valueOf(kind.name()));
        assertThat(answer.reason()).isEqualTo("why " + kind);
        assertThat(answer.verdict().kept()).isEqualTo(kind == ProfileResult.Kind.NOT_FOUND);
    }

    private static YahooProfile profile(String sector, String industry, String type, String name) {
        return new YahooProfile(Optional.ofNullable(sector), Optional.ofNullable(industry), Optional.of(type),
                Optional.of(name), Optional.empty(), YahooEndpoint.QUOTE_SUMMARY);
    }
}
