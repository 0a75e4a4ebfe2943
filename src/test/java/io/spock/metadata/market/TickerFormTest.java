package io.spock.metadata.market;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TickerFormTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "SZS, 858, 000858",
            "SZS, 000858, 000858",
            "SHS, 600519, 600519",
            "HKS, 1, 00001",
            "HKS, 700, 00700",
            "HKS, 80737, 80737",
            "NYS, BRK.B, BRK/B",
            "NYS, BRK-B, BRK/B",
            "NYS, brk/b, BRK/B",
            "NYS, ' BRK/B ', BRK/B",
            "NYS, TY/, TY/",
            "NYS, AACT/UN, AACT/UN",
            "NAS, aapl, AAPL",
            "TSE, 7203, 7203",
            "TSE, 130a, 130A",
            "TSE, 25935, 25935",
            "HSX, vnm, VNM",
            "HSX, E1VFVN30, E1VFVN30",
    })
    void anEntryBecomesTheMarketsCanonicalTicker(String exchange, String typed, String canonical) {
        assertThat(Markets.exchange(exchange).orElseThrow().canonicalTicker(typed)).contains(canonical);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "SZS | 0000858",
            "SZS | ABC",
            "SZS | 858.SZ",
            "HKS | 000001",
            "HKS | 0700.HK",
            "NYS | BRK/B/C",
            "NYS | BRK.B.C",
            "NYS | /B",
            "NYS | '; drop table tickers;--",
            "NYS | =HYPERLINK(",
            "NYS | AA PL",
            "NYS | ''",
            "TSE | 72",
            "TSE | A203",
            "HSX | VN-M",
    })
    void whatNoMarketWritesIsRefused(String exchange, String typed) {
        assertThat(Markets.exchange(exchange).orElseThrow().canonicalTicker(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"NYS", "SZS", "HKS", "TSE", "HNX"})
    void nulBytesAndOverlongTickersAreRefusedEverywhere(String exchange) {
        Exchange market = Markets.exchange(exchange).orElseThrow();

        assertThat(market.canonicalTicker("AB\0C")).isEmpty();
        assertThat(market.canonicalTicker("1234\0")).as("a trailing NUL is not trimmed away").isEmpty();
        assertThat(market.canonicalTicker("1".repeat(300))).isEmpty();
        assertThat(market.canonicalTicker(null)).isEmpty();
    }
}
