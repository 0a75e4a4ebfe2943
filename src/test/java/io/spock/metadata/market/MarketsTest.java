package io.spock.metadata.market;

import io.spock.metadata.app.UsageException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketsTest {

    @ParameterizedTest(name = "{0} {1} (preferred={2}) -> {3}")
    @CsvSource({
            "NAS, AAPL, false, AAPL",
            "NYS, BRK/B, false, BRK-B",
            "NYS, BF.B, false, BF-B",
            "NYS, ABR/D, true, ABR-PD",
            "AMS, SPY, false, SPY",
            "HKS, 00700, false, 0700.HK",
            "HKS, 09988, false, 9988.HK",
            "HKS, 00005, false, 0005.HK",
            "HKS, 80737, false, 80737.HK",
            "TSE, 7203, false, 7203.T",
            "TSE, 130A, false, 130A.T",
            "SHS, 600519, false, 600519.SS",
            "SZS, 000858, false, 000858.SZ",
            "SZS, 300750, false, 300750.SZ",
            "HSX, VNM, false, VNM.VN",
            "HNX, SHS, false, SHS.VN",
            "HSX, ACB, false, ACB.VN",
    })
    void yahooSymbolFollowsTheExchangeRule(String exchange, String symbol, boolean preferred, String yahoo) {
        assertThat(Markets.exchange(exchange).orElseThrow().yahooSymbol(symbol, preferred)).isEqualTo(yahoo);
    }

    @Test
    void everyRegionHasItsExchanges() {
        assertThat(Markets.exchanges(Region.US)).extracting(Exchange::code).containsExactly("NAS", "NYS", "AMS");
        assertThat(Markets.exchanges(Region.CN)).extracting(Exchange::code).containsExactly("SHS", "SZS");
        assertThat(Markets.exchanges(Region.HK)).extracting(Exchange::code).containsExactly("HKS");
        assertThat(Markets.exchanges(Region.JP)).extracting(Exchange::code).containsExactly("TSE");
        assertThat(Markets.exchanges(Region.VN)).extracting(Exchange::code).containsExactly("HSX", "HNX");
    }

    @Test
    void exchangesAreFoundByKisCodeOrMasterFileCode() {
        assertThat(Markets.exchange("hks")).map(Exchange::code).contains("HKS");
        assertThat(Markets.exchange(" nys ")).map(Exchange::region).contains(Region.US);
        assertThat(Markets.exchange("LSE")).isEmpty();
    }

    @Test
    void regionListsParseCaseInsensitivelyWithAll() {
        assertThat(Markets.parseRegions("us, cn")).containsExactly(Region.US, Region.CN);
        assertThat(Markets.parseRegions("ALL")).isEqualTo(EnumSet.allOf(Region.class));
        assertThat(Markets.parseRegions(null)).isEqualTo(EnumSet.allOf(Region.class));
        assertThat(Markets.regionChoices()).isEqualTo(List.of("US", "CN", "HK", "JP", "VN", "ALL"));
    }

    @Test
    void aListThatNamesNoRegionIsBadInputNotAllRegions() {
        for (String empty : new String[] {"", " ", ",", " , ,"}) {
            assertThatThrownBy(() -> Markets.parseRegions(empty)).isInstanceOf(UsageException.class)
                    .hasMessage("--regions names nothing: give at least one region: US, CN, HK, JP, VN or ALL");
        }
    }

    @Test
    void unknownRegionNamesTheCulprit() {
        assertThatThrownBy(() -> Markets.parseRegions("US,KR"))
                .isInstanceOf(UnknownRegionException.class)
                .hasMessageContaining("'KR'");
    }
}
