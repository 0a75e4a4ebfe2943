package io.spock.metadata.market;

import io.spock.metadata.market.KindDecision.KindSignal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Kinds of real listings, with their names as KIS's October 2025 master files write them. */
class ListingKindsTest {

    @ParameterizedTest(name = "{0} {1} -> {4} {5}, common {6}, Yahoo {7}")
    @CsvSource(delimiter = '|', value = {
            // the Korean name says it
            "NYS | ABR/D   | ARBOR REALTY TRUST INC 6.375% SERIES D CUMULATIVE RED PFD ST | 아버 리얼티 트러스트 우선주 D(6.375% 누적 상환) | PREFERRED | KOREAN_NAME | ABR | ABR-PD",
            "NYS | BAC/L   | BANK OF AMERICA CORPORATION 7.25% NON-CUM PERP CONV PFD SER | 뱅크오브아메리카 우선주 L(7.250%) | PREFERRED | KOREAN_NAME | BAC | BAC-PL",
            "NYS | USB/R   | US BANCORP 4% DEP SHS REP 1/1000 INT PFD SER M | US 뱅코프 우선주 M(4.000%) | PREFERRED | KOREAN_NAME | USB | USB-PR",
            "NYS | TFIN/   | TRIUMPH FINANCIAL INC 7.125 DEP SHS REP 1/40TH PERP PFD SER | 트라이엄프 파이낸셜 우선주 C(7.125% 상환) | PREFERRED | KOREAN_NAME | TFIN | TFIN-P",
            "NYS | BC/A    | BRUNSWICK CORP 6.500% SENIOR NOTES DUE 15/10/2048 USD25 | 브런스윅 선순위채권(2048-10-15 6.500%) | NOTE | KOREAN_NAME | BC | BC-PA",
            "NYS | AACT/UN | ARES ACQUISITION CORPORATION II UNIT 1 CL A & 1/2 WT | 아레스 애퀴지션 2 유닛 | UNIT | KOREAN_NAME | AACT | AACT-U",
            "NYS | NEE/S   | NEXTERA ENERGY INC CORP UNIT 01/06/2027 | 넥스트에라 에너지 유닛(2027-06-01) | UNIT | KOREAN_NAME | NEE | NEE-PS",
            "NAS | AGNCP   | AGNC INVESTMENT CORP 6.125% CUM RED PREF STK SERIES F | AGNC 인베스트먼트 우선주 F(6.125% 누적 상환) | PREFERRED | KOREAN_NAME | AGNC | AGNCP",
            "NAS | AACBU   | ARTIUS II ACQUISITION INC UNIT 1 COM & RT (27/11/2029) | 아티우스 애퀴지션 2 유닛 | UNIT | KOREAN_NAME | AACB | AACBU",
            "NAS | ACONW   | ACLARION INC C/WTS 21/04/2027 (TO PUR COM) | 애클래리언 콜 워런트(2027-04-21) | WARRANT | KOREAN_NAME | ACON | ACONW",
            "NAS | ATLCZ   | ATLANTICUS HLDGS CORP 9.25% NTS 31/01/2029 USD25 | 애틀랜티쿠스 홀딩스 일반채권(2026-11-30 9.250%) | NOTE | KOREAN_NAME | ATLC | ATLCZ",
            "NAS | STRC    | STRATEGY INC 9.0% SERIES A PERPETUAL STRETCH PREF STK | 스트래티지 스트래치 우선주(9.000%) | PREFERRED | KOREAN_NAME | | STRC",
            "TSE | 25935   | ITO EN LTD. PREF. | 이토엔 우선주 | PREFERRED | KOREAN_NAME | 2593 | 25935.T",
            // KIS copied the English name into the Korean one: the English words decide (issue 16's examples)
            "NYS | GAB/G   | GABELLI EQUITY TRUST INC PREF SER  G | GABELLI EQUITY TRUST PREFERRED G(누적) | PREFERRED | ENGLISH_NAME | GAB | GAB-PG",
            "NYS | ACP/A   | ABRDN INCOME CREDIT STRATEGIES FUND 5.250% CUM PERPETUAL PFD | ABERDEEN INCOME CREDIT STRATEGIES FUND PREFERRED A(5.250%) | PREFERRED | ENGLISH_NAME | ACP | ACP-PA",
            "NYS | AGM/H   | FEDERAL AGRICULTURAL MORTGAGE CORP NON-CUMULATIVE PFD SER H | FEDERAL AGRICULTURAL MORTGAGE CORP NON-CUMULATIVE PFD SER H | PREFERRED | ENGLISH_NAME | AGM | AGM-PH",
            "NYS | TY/     | TRI CONTINENTAL CORP USD2.50 CUM PFD USD50 | TRI CONTINENTAL CORPORATION PREFERRED | PREFERRED | ENGLISH_NAME | TY | TY-P",
            // depositary receipts: a series is a share class for Yahoo
            "NYS | PBR/A   | PETROLEO BRASILEIRO SA PETROBRAS SPONS ADR-EACH REPR 2 PREF | 페트로브라스 우선주(ADR) | PREFERRED | KOREAN_NAME | PBR | PBR-A",
            "NYS | CIG/C   | CIA ENERGETICA MINAS GERAIS-CEMIG ADR EACH REPR 1 COM BRL5.0 | 이네르제치카 지 미나스 제라이스(ADR) | COMMON | NONE | | CIG-C",
            // share classes and plain common shares
            "NYS | BRK/B   | BERKSHIRE HATHAWAY INC | 버크셔 해서웨이 B | COMMON | SHARE_CLASS | | BRK-B",
            "NYS | AGM/A   | FEDERAL AGRICULTURAL MORTGAGE CORP | 페더럴 애그리컬처럴 모기지 A | COMMON | SHARE_CLASS | | AGM-A",
            "NAS | CMCSA   | COMCAST CORP | 컴캐스트 | COMMON | NONE | | CMCSA",
            "NAS | PFBC    | PREFERRED BK LOS ANGELES CALIFORNIA | 프리퍼드 뱅크 로스 앤젤리스 | COMMON | NONE | | PFBC",
            "HKS | 01959   | CENT UNIT HLDG | CENT UNIT HLDG | COMMON | NONE | | 1959.HK",
    })
    void realListingsGetTheirKindCommonShareAndYahooSymbol(String exchange, String ticker, String nameEn,
                                                          String nameKo, ListingKind kind, KindSignal signal,
                                                          String common, String yahoo) {
        Exchange market = Markets.exchange(exchange).orElseThrow();

        KindDecision decision = ListingKinds.decide(market, ticker, nameEn, nameKo);

        assertThat(decision.kind()).isEqualTo(kind);
        assertThat(decision.signal()).isEqualTo(signal);
        assertThat(decision.commonTicker()).isEqualTo(common);
        assertThat(market.yahooSymbol(ticker, decision)).isEqualTo(yahoo);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "XYZ/UN, UNIT, XYZ-U",
            "XYZ/WS, WARRANT, XYZ-WT",
            "XYZ/WT, WARRANT, XYZ-WT",
            "XYZ/RT, RIGHT, XYZ-R",
            "XYZ/, PREFERRED, XYZ-P",
            "XYZ/B, COMMON, XYZ-B",
    })
    void theSuffixDecidesWhenTheNamesSayNothing(String ticker, ListingKind kind, String yahoo) {
        Exchange nyse = Markets.exchange("NYS").orElseThrow();

        KindDecision decision = ListingKinds.decide(nyse, ticker, "XYZ CORP", "엑스와이지");

        assertThat(decision.kind()).isEqualTo(kind);
        assertThat(nyse.yahooSymbol(ticker, decision)).isEqualTo(yahoo).doesNotEndWith("-");
    }
}
