package io.spock.metadata.universe;

import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.kis.MasterFile;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.support.SharedReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kind rules ({@link io.spock.metadata.market.ListingKinds}) on every stock of KIS's nine real master files of
 * October 2025; skipped without them. The counts are the README's table of which signal marks each kind.
 */
class RealListingKindsTest {

    private static final List<Listing> STOCKS = new ArrayList<>();
    private static final Set<String> LISTED = new HashSet<>();

    @BeforeAll
    static void readTheNineFiles() {
        Path dir = SharedReference.requireKisMasterDir();
        KisMasterReader reader = new KisMasterReader();
        for (Exchange exchange : Markets.exchanges()) {
            MasterFile file = reader.read(dir.resolve(exchange.masterCode() + "mst.cod.zip"));
            assertThat(file.malformed()).as(exchange.code()).isEmpty();
            for (Listing listing : MasterListings.of(file).listings()) {
                LISTED.add(listing.region() + " " + listing.ticker());
                if (listing.securityType().isStock()) {
                    STOCKS.add(listing);
                }
            }
        }
        assertThat(STOCKS).hasSize(19_079);
    }

    @Test
    void eachSignalMarksTheDocumentedNumberOfRealStocks() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Listing stock : STOCKS) {
            String key = stock.region() + " " + stock.kind().kind() + " " + stock.kind().signal()
                    + (stock.kind().depositary() ? " depositary" : "");
            counts.merge(key, 1, Integer::sum);
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("US PREFERRED KOREAN_NAME", 483);
        expected.put("US PREFERRED KOREAN_NAME depositary", 6);
        expected.put("US PREFERRED ENGLISH_NAME", 27);
        expected.put("US PREFERRED ENGLISH_NAME depositary", 8);
        expected.put("US NOTE KOREAN_NAME", 192);
        expected.put("US UNIT KOREAN_NAME", 171);
        expected.put("US UNIT ENGLISH_NAME", 3);
        expected.put("US WARRANT KOREAN_NAME", 90);
        expected.put("US COMMON SHARE_CLASS", 22);
        expected.put("US COMMON NONE depositary", 389);
        expected.put("US COMMON NONE", 5_142);
        expected.put("JP PREFERRED KOREAN_NAME", 4);
        expected.put("JP PREFERRED SYMBOL_SUFFIX", 1);
        expected.put("JP COMMON NONE", 4_034);
        expected.put("CN COMMON NONE", 5_089);
        expected.put("HK COMMON NONE", 2_722);
        expected.put("VN COMMON NONE", 696);

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** Closed-end funds such as GAB, whose preferreds are stocks, are listed as products: they count as found. */
    @Test
    void mostListingsThatBelongToACommonShareFindItInTheirMarket() {
        List<Listing> belonging = STOCKS.stream().filter(s -> !s.kind().commonTickers().isEmpty()).toList();

        long found = belonging.stream().filter(s -> s.kind().commonTickers().stream()
                .anyMatch(t -> LISTED.contains(s.region() + " " + t))).count();

        assertThat(belonging).hasSize(842);
        assertThat(found).isEqualTo(766);
        assertThat(byTicker("ABR/D").kind().commonTicker()).isEqualTo("ABR");
        assertThat(byTicker("VLYPP").kind().commonTickers()).containsExactly("VLYP", "VLY");
        assertThat(LISTED).contains("US VLY", "US ABR", "US AGNC", "JP 2593", "US GAB");
    }

    @Test
    void issue16sPreferredsGetPreferredYahooSymbolsAndNoSymbolEndsInADash() {
        assertThat(byTicker("GAB/G").yahooSymbol()).isEqualTo("GAB-PG");
        assertThat(byTicker("ACP/A").yahooSymbol()).isEqualTo("ACP-PA");
        assertThat(byTicker("AGM/H").yahooSymbol()).isEqualTo("AGM-PH");
        assertThat(byTicker("TY/").yahooSymbol()).isEqualTo("TY-P");
        assertThat(byTicker("AGM/H").preferred()).isTrue();
        assertThat(STOCKS).allSatisfy(s -> assertThat(s.yahooSymbol()).doesNotEndWith("-").doesNotContain("/"));
    }

    private static Listing byTicker(String ticker) {
        return STOCKS.stream().filter(s -> s.ticker().equals(ticker)).findFirst().orElseThrow();
    }
}
