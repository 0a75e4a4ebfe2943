package io.spock.metadata.source;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;
import io.spock.metadata.support.SharedReference;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.universe.MasterListings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code parent} source on real lines of KIS's October 2025 master files ({@code ../shared/reference/kis-master/};
 * skipped without them): which listings belong to a common share, and the answer they take from it.
 */
class ParentSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final ParentSource PARENT = new ParentSource(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final Map<String, Listing> REAL = new HashMap<>();

    @BeforeAll
    static void readTheRealLines() {
        KisMasterReader reader = new KisMasterReader();
        for (String code : new String[] {"NYS", "NAS", "TSE"}) {
            Exchange exchange = Markets.exchange(code).orElseThrow();
            MasterListings listings = MasterListings.of(reader.read(
                    SharedReference.requireKisMasterDir().resolve(exchange.masterCode() + "mst.cod.zip")));
            listings.listings().forEach(l -> REAL.put(l.region() + " " + l.ticker(), l));
        }
    }

    @Test
    void aPreferredShareTakesItsCommonSharesSectorAndConfidence() {
        RegionView view = classified("ABR", "60", Source.KIS, Confidence.HIGH);

        Answer answer = PARENT.answer(candidate("US ABR/D"), view);

        assertThat(answer.verdict()).isEqualTo(Verdict.SECTOR);
        assertThat(answer.source()).isEqualTo(Source.PARENT);
        assertThat(answer.sector().code()).isEqualTo("60");
        assertThat(answer.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(answer.rawCode()).isEqualTo("ABR");
        assertThat(answer.rawLabel()).isEqualTo("KIS");
        assertThat(answer.reason()).isEqualTo("a preferred of ABR (kis, HIGH)");
        assertThat(answer.requests()).isZero();
        assertThat(PARENT.dependsOn(candidate("US ABR/D"))).contains("ABR");
        assertThat(PARENT.perTicker()).isFalse();
    }

    @Test
    void aFiveLetterNasdaqPreferredTriesTheFourLetterRootThenTheThreeLetterOne() {
        RegionView view = classified("VLY", "40", Source.YAHOO, Confidence.MEDIUM);

        Answer answer = PARENT.answer(candidate("US VLYPP"), view);

        assertThat(answer.sector().code()).isEqualTo("40");
        assertThat(answer.rawCode()).isEqualTo("VLY");
        assertThat(answer.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(PARENT.dependsOn(candidate("US VLYPP"))).contains("VLYP");
    }

    @Test
    void unitsWarrantsNotesAndTokyoPreferredsBelongToTheirCommonShare() {
        assertThat(PARENT.dependsOn(candidate("US AACBU"))).contains("AACB");
        assertThat(PARENT.dependsOn(candidate("US ACONW"))).contains("ACON");
        assertThat(PARENT.dependsOn(candidate("US BC/A"))).contains("BC");
        assertThat(PARENT.dependsOn(candidate("JP 25935"))).contains("2593");
        assertThat(PARENT.answer(candidate("JP 25935"), classified("2593", "30", Source.KIS, Confidence.MEDIUM))
                .sector().code()).isEqualTo("30");
    }

    @Test
    void aCommonShareOrAListingWhoseCommonShareIsUnclassifiedHasNothingToSay() {
        Answer common = PARENT.answer(candidate("US ABR"), classified("ABR", "60", Source.KIS, Confidence.HIGH));
        Answer orphan = PARENT.answer(candidate("US ABR/D"), RegionView.EMPTY);
        Answer ownSymbol = PARENT.answer(candidate("US STRC"), classified("MSTR", "45", Source.KIS, Confidence.HIGH));

        assertThat(common.verdict()).isEqualTo(Verdict.NONE);
        assertThat(common.reason()).isEqualTo("a common share");
        assertThat(PARENT.dependsOn(candidate("US BRK/B"))).as("a share class is a common share").isEmpty();
        assertThat(orphan.verdict()).isEqualTo(Verdict.NONE);
        assertThat(orphan.reason()).isEqualTo("a preferred of ABR, which has no sector");
        assertThat(ownSymbol.verdict()).as("STRC is MSTR's preferred, but its symbol does not say so")
                .isEqualTo(Verdict.NONE);
        assertThat(ownSymbol.reason()).isEqualTo("a preferred whose symbol names no common share");
    }

    private static Candidate candidate(String key) {
        Listing l = REAL.get(key);
        assertThat(l).as(key + " in the real master files").isNotNull();
        return new Candidate(l.region(), l.ticker(), l.exchange().code(), l.nameEn(), l.nameKo(), l.kisCode(),
                l.yahooSymbol(), null, null, null, false, l.preferred());
    }

    private static RegionView classified(String ticker, String sector, Source source, Confidence confidence) {
        GicsSector gics = GICS.sector(sector).orElseThrow();
        return t -> t.equals(ticker) ? Optional.of(new RegionView.Classification(gics, source, confidence))
                : Optional.empty();
    }
}
