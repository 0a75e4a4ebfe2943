package io.spock.metadata.universe;

import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.kis.MasterFile;
import io.spock.metadata.kis.MasterFileException;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.universe.MasterLines.etf;
import static io.spock.metadata.universe.MasterLines.line;
import static io.spock.metadata.universe.MasterLines.shortLine;
import static io.spock.metadata.universe.MasterLines.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterImporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-17T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Database db;
    private MasterImporter importer;
    private final KisMasterReader reader = new KisMasterReader();

    @BeforeEach
    void open() {
        db = TestStore.open(dir);
        importer = new MasterImporter(db.dsl(), CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private MasterFile master(String... lines) {
        return reader.read("NASMST.COD", MasterLines.cod(List.of(lines)));
    }

    private TickersRecord row(String region, String ticker) {
        return db.dsl().selectFrom(TICKERS).where(TICKERS.REGION.eq(region), TICKERS.TICKER.eq(ticker)).fetchOne();
    }

    private static final String AAPL = stock("NAS", "AAPL", "애플", "APPLE INC", "730");
    private static final String MSFT = stock("NAS", "MSFT", "마이크로소프트", "MICROSOFT CORP", "720");
    private static final String QQQ = etf("NAS", "QQQ", "인베스코 QQQ", "INVESCO QQQ TRUST");

    @Test
    void importsStocksAndProductsAndSkipsIndexesAndWarrants() {
        MarketImport result = importer.importFile(master(AAPL, MSFT, QQQ,
                stock("NAS", "ABCD", "코드 없는 회사", "NO CODE INC", " "),
                line("NAS", "NDX", "나스닥 100", "NASDAQ 100", "1", "000", "   "),
                line("NAS", "WRNT", "워런트", "SOME WARRANT", "4", "000", "   ")), false);

        assertThat(result).isEqualTo(new MarketImport("NAS", "NASMST.COD", 3, 1, 4, 0, 0, 0, 2, 0));
        TickersRecord apple = row("US", "AAPL");
        assertThat(apple.getNameKo()).isEqualTo("애플");
        assertThat(apple.getKisCode()).isEqualTo("730");
        assertThat(apple.getYahooSymbol()).isEqualTo("AAPL");
        assertThat(apple.getSecurityType()).isEqualTo("STOCK");
        assertThat(apple.getStatus()).isEqualTo("PENDING");
        assertThat(row("US", "ABCD").getKisCode()).as("blank code").isEqualTo("000");
        TickersRecord qqq = row("US", "QQQ");
        assertThat(qqq.getSecurityType()).isEqualTo("ETF");
        assertThat(qqq.getStatus()).as("a fund has no sector to find").isEqualTo("NOT_APPLICABLE");
        assertThat(row("US", "NDX")).isNull();
        assertThat(row("US", "WRNT")).isNull();
    }

    @Test
    void derivesYahooSymbolsAndPreferredFlags() {
        importer.importFile(master(stock("NYS", "BRK/B", "버크셔 해서웨이 B", "BERKSHIRE HATHAWAY B", "610"),
                stock("NYS", "ABR/D", "아버 리얼티 트러스트 우선주 D", "ARBOR REALTY PFD D", "630")), false);
        importer.importFile(reader.read("HKSMST.COD", MasterLines.cod(List.of(
                stock("HKS", "00700", "텐센트", "TENCENT", "720")))), false);

        assertThat(row("US", "BRK/B").getYahooSymbol()).isEqualTo("BRK-B");
        assertThat(row("US", "ABR/D").getYahooSymbol()).isEqualTo("ABR-PD");
        assertThat(row("US", "ABR/D").getIsPreferred()).isTrue();
        assertThat(row("HK", "00700").getYahooSymbol()).isEqualTo("0700.HK");
    }

    @Test
    void aListingWhoseYahooSymbolBelongsToAListingOfAnotherExchangeIsSkipped() {
        importer.importFile(master(stock("NAS", "BRKB", "버크셔 B", "BERKSHIRE B", "610")), false);
        db.dsl().update(TICKERS).set(TICKERS.YAHOO_SYMBOL, "BRK-B").where(TICKERS.TICKER.eq("BRKB")).execute();

        MarketImport nyse = importer.importFile(reader.read("NYSMST.COD", MasterLines.cod(List.of(
                stock("NYS", "BRK/B", "버크셔 해서웨이 B", "BERKSHIRE HATHAWAY B", "610"),
                stock("NYS", "IBM", "IBM", "INTL BUSINESS MACHINES", "720")))), false);

        assertThat(nyse.added()).isEqualTo(1);
        assertThat(nyse.skipped()).isEqualTo(1);
        assertThat(row("US", "BRK/B")).isNull();
    }

    @Test
    void aSecondImportOfTheSameFileChangesNothing() {
        importer.importFile(master(AAPL, MSFT, QQQ), false);
        LocalDateTime firstUpdate = row("US", "AAPL").getUpdatedAt();

        MarketImport again = new MasterImporter(db.dsl(), Clock.offset(CLOCK, Duration.ofHours(1)))
                .importFile(master(AAPL, MSFT, QQQ), false);

        assertThat(again).isEqualTo(new MarketImport("NAS", "NASMST.COD", 2, 1, 0, 0, 3, 0, 0, 0));
        assertThat(row("US", "AAPL").getUpdatedAt()).isEqualTo(firstUpdate);
    }

    @Test
    void missingListingsAreDelistedNeverDeletedAndComeBack() {
        importer.importFile(master(AAPL, MSFT, QQQ), false);

        MarketImport without = importer.importFile(master(AAPL, QQQ), false);
        TickersRecord gone = row("US", "MSFT");
        MarketImport back = importer.importFile(master(AAPL, MSFT, QQQ), false);

        assertThat(without.delisted()).isEqualTo(1);
        assertThat(gone.getDelisted()).isTrue();
        assertThat(back.updated()).isEqualTo(1);
        assertThat(back.delisted()).isZero();
        assertThat(row("US", "MSFT").getDelisted()).isFalse();
    }

    @Test
    void delistingStaysWithinTheExchange() {
        importer.importFile(master(AAPL), false);
        importer.importFile(reader.read("NYSMST.COD", MasterLines.cod(List.of(
                stock("NYS", "IBM", "IBM", "INTL BUSINESS MACHINES", "720")))), false);

        MarketImport nas = importer.importFile(master(MSFT), false);

        assertThat(nas.delisted()).isEqualTo(1);
        assertThat(row("US", "IBM").getDelisted()).isFalse();
    }

    @Test
    void enrichmentResultsAndManualFixesSurviveAndAChangedCodeMakesTheTickerDue() {
        importer.importFile(master(AAPL, MSFT, stock("NAS", "XOM", "엑슨모빌", "EXXON MOBIL", "010")), false);
        classify("AAPL", "45", "KIS", "CLASSIFIED");
        classify("MSFT", "45", "YAHOO", "CLASSIFIED");
        classify("XOM", "55", "MANUAL", "CLASSIFIED");

        MarketImport result = importer.importFile(master(
                stock("NAS", "AAPL", "애플", "APPLE INC.", "730"),
                stock("NAS", "MSFT", "마이크로소프트", "MICROSOFT CORP", "710"),
                stock("NAS", "XOM", "엑슨모빌", "EXXON MOBIL", "020")), false);

        assertThat(result.updated()).isEqualTo(3);
        TickersRecord apple = row("US", "AAPL");
        assertThat(apple.getNameEn()).isEqualTo("APPLE INC.");
        assertThat(apple.getSectorCode()).isEqualTo("45");
        assertThat(apple.getStatus()).as("same code: still classified").isEqualTo("CLASSIFIED");
        TickersRecord msft = row("US", "MSFT");
        assertThat(msft.getKisCode()).isEqualTo("710");
        assertThat(msft.getStatus()).isEqualTo("PENDING");
        assertThat(msft.getSectorCode()).as("kept until enrichment decides").isEqualTo("45");
        TickersRecord xom = row("US", "XOM");
        assertThat(xom.getKisCode()).isEqualTo("020");
        assertThat(xom.getSectorCode()).isEqualTo("55");
        assertThat(xom.getSource()).isEqualTo("MANUAL");
        assertThat(xom.getStatus()).isEqualTo("CLASSIFIED");
    }

    private void classify(String ticker, String sector, String source, String status) {
        db.dsl().update(TICKERS).set(TICKERS.SECTOR_CODE, sector).set(TICKERS.SOURCE, source)
                .set(TICKERS.STATUS, status).where(TICKERS.TICKER.eq(ticker)).execute();
    }

    @Test
    void aDryRunCountsAndWritesNothing() {
        importer.importFile(master(AAPL), false);

        MarketImport dry = importer.importFile(master(MSFT, QQQ), true);

        assertThat(dry.added()).isEqualTo(2);
        assertThat(dry.delisted()).isEqualTo(1);
        assertThat(db.dsl().fetchCount(TICKERS)).isEqualTo(1);
        assertThat(row("US", "AAPL").getDelisted()).isFalse();
    }

    @Test
    void aFewMalformedLinesAreSkippedAndCounted() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add(stock("NAS", "T" + i, "회사" + i, "COMPANY " + i, "730"));
        }
        lines.add(shortLine("NAS", "BAD"));

        MarketImport result = importer.importFile(reader.read("NASMST.COD", MasterLines.cod(lines)), false);

        assertThat(result.added()).isEqualTo(120);
        assertThat(result.malformed()).isEqualTo(1);
    }

    @Test
    void moreThanOnePercentMalformedIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> master(AAPL, shortLine("NAS", "BAD")))
                .isInstanceOf(MasterFileException.class)
                .hasMessageContaining("1 of 2 lines malformed");
    }

    @Test
    void aFileMixingExchangesIsRefused() {
        MasterFile mixed = master(AAPL, stock("NYS", "IBM", "IBM", "INTL BUSINESS MACHINES", "720"));

        assertThatThrownBy(() -> importer.importFile(mixed, false))
                .isInstanceOf(MasterFileException.class)
                .hasMessage("NASMST.COD: records of several exchanges (NAS, NYS); a master file holds one exchange");
        assertThat(db.dsl().fetchCount(TICKERS)).isZero();
    }
}
