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

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource({
            "NAS, AAPL, APPLE INC, 애플, AAPL",
            "NYS, BRK/B, BERKSHIRE HATHAWAY INC, 버크셔 해서웨이 B, BRK-B",
            "NYS, ABR/D, ARBOR REALTY TRUST INC 6.375% SERIES D CUMULATIVE RED PFD ST, 아버 리얼티 트러스트 우선주 D, ABR-PD",
            "AMS, SPY, SPDR S&P 500 ETF TRUST, SPDR S&P 500, SPY",
            "HKS, 00700, TENCENT, 텐센트, 0700.HK",
            "HKS, 09988, BABA-W, 알리바바, 9988.HK",
            "HKS, 00005, HSBC HOLDINGS, HSBC, 0005.HK",
            "HKS, 80737, SOME RMB COUNTER, 위안화, 80737.HK",
            "TSE, 7203, TOYOTA MOTOR, 도요타, 7203.T",
            "TSE, 130A, VERITAS IN SILICO, 베리타스, 130A.T",
            "SHS, 600519, KWEICHOW MOUTAI, 구이저우마오타이, 600519.SS",
            "SZS, 000858, WULIANGYE YIBIN, 우량예, 000858.SZ",
            "SZS, 300750, CATL, CATL, 300750.SZ",
            "HSX, VNM, VINAMILK, 비나밀크, VNM.VN",
            "HNX, SHS, SAIGON HANOI SECURITIES, 사이공하노이증권, SHS.VN",
            "HSX, ACB, ASIA COMMERCIAL BANK, 아시아상업은행, ACB.VN",
    })
    void yahooSymbolFollowsTheExchangeRule(String exchange, String symbol, String nameEn, String nameKo,
                                           String yahoo) {
        assertThat(Markets.exchange(exchange).orElseThrow().yahooSymbol(symbol, nameEn, nameKo)).isEqualTo(yahoo);
    }

    @Test
    void theExchangesOfARegionShareOneTickerForm() {
        for (Region region : Region.values()) {
            assertThat(Markets.exchanges(region)).extracting(Exchange::tickerForm)
                    .containsOnly(Markets.tickerForm(region));
        }
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
