package io.spock.metadata.universe;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.market.Markets;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.generated.tables.records.TickersRecord;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** import-csv's entry rules on a real SQLite file: one listing per ticker and Yahoo symbol, whatever the spelling. */
class CsvUniverseImportTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-17T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Database db;
    private CsvUniverseImport importer;

    /** The back end these tests run on; {@link PostgresCsvUniverseImportTest} runs them all on PostgreSQL. */
    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void open() {
        db = TestStore.open(backend(), dir);
        importer = new CsvUniverseImport(db.dsl(), () -> GICS, CLOCK);
        TestStore.add(db, listing("SZS", "000858", "410"), listing("HKS", "00001", "240"),
                Listing.of(Markets.exchange("NYS").orElseThrow(), "BRK/B",
                        "BERKSHIRE HATHAWAY INC", "버크셔 해서웨이 B", SecurityType.STOCK, "640"),
                listing("NAS", "AAPL", "730"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("universe.csv"), content);
    }

    private TickersRecord row(String region, String ticker) {
        return db.dsl().selectFrom(TICKERS).where(TICKERS.REGION.eq(region), TICKERS.TICKER.eq(ticker)).fetchOne();
    }

    /** Issue 16: a CSV re-saved by Excel lost the zeros; BRK.B is how other tools write KIS's BRK/B. */
    @Test
    void excelsLostZerosAndDottedShareClassesNameTheListingsKisGave() throws IOException {
        Path file = csv("exchange,ticker,kis_code,yahoo_symbol\nSZS,858,410,000858.SZ\nHKS,1,240,0001.HK\n"
                + "NYS,BRK.B,640,BRK-B\nNYS,brk-b,640,\n");

        assertThatThrownBy(() -> importer.importFile(file, null)).hasMessage(file
                + " line 5: ticker BRK/B of US appears twice");
        Files.writeString(file, "exchange,ticker,kis_code,yahoo_symbol\nSZS,858,410,000858.SZ\nHKS,1,240,0001.HK\n"
                + "NYS,BRK.B,640,BRK-B\n");
        CsvImportResult result = importer.importFile(file, null);

        assertThat(result.added()).isZero();
        assertThat(result.unchanged()).isEqualTo(3);
        assertThat(db.dsl().fetchCount(TICKERS)).isEqualTo(4);
        assertThat(row("CN", "858")).isNull();
    }

    @Test
    void aRowWhoseYahooSymbolBelongsToAnotherListingIsRefusedNamingBoth() throws IOException {
        Path file = csv("exchange,ticker,yahoo_symbol\nNYS,BRKB,BRK-B\n");

        assertThatThrownBy(() -> importer.importFile(file, null))
                .isInstanceOf(UsageException.class)
                .hasMessage(file + " line 2: Yahoo symbol BRK-B of US BRKB already belongs to US BRK/B");
        assertThat(row("US", "BRKB")).isNull();
    }

    /** Rows are written in batches of 500 in one transaction: a conflict in the third batch undoes the first two. */
    @Test
    void twoRowsClaimingOneYahooSymbolAreRefusedAndNothingIsWrittenAcrossBatches() throws IOException {
        StringBuilder content = new StringBuilder("exchange,ticker,yahoo_symbol\n");
        for (int i = 0; i < 1_200; i++) {
            content.append("NAS,T").append(i).append(",\n");
        }
        Path file = csv(content + "NAS,SECOND,T3\n");

        assertThatThrownBy(() -> importer.importFile(file, null))
                .hasMessage(file + " line 1202: Yahoo symbol T3 of US SECOND already belongs to US T3");
        assertThat(db.dsl().fetchCount(TICKERS)).as("nothing written").isEqualTo(4);
    }

    @Test
    void aDuplicateColumnIsAHeaderErrorAndTheLastNoLongerWins() throws IOException {
        Path file = csv("exchange,ticker,sector_code,sector_code\nNAS,AAPL,45,10\n");

        assertThatThrownBy(() -> importer.importFile(file, null))
                .hasMessage(file + " line 1: column 'sector_code' appears twice");
        assertThat(row("US", "AAPL").getSectorCode()).isNull();
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "exchange,ticker,name_en\nNAS,AAPL,Apple\nNAS,CAFE,Caf\u00e9 Inc\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> importer.importFile(file, null)).isInstanceOf(UsageException.class)
                .hasMessage(file + " line 3: not UTF-8 text");
        assertThat(row("US", "CAFE")).isNull();
    }

    /** Issue 15 item 8: a line is never buffered whole beyond the bound. */
    @Test
    void aLineLongerThanTheBoundIsRefusedWithItsNumber() throws IOException {
        Path file = csv("exchange,ticker,name_en\nNAS,AAPL,Apple\nNAS,LONG," + "x".repeat(70_000) + "\n");

        assertThatThrownBy(() -> importer.importFile(file, null))
                .hasMessage(file + " line 3: line longer than 65536 characters; not a universe CSV");
    }

    @Test
    void cellsNeutralisedForSpreadsheetsAndAByteOrderMarkReadBackAsTheyWere() throws IOException {
        Path file = csv("\uFEFFexchange,ticker,name_en,name_ko\nNAS,FORMULA,'=HYPERLINK(\"x\"),'+82\n"
                + "NAS,QUOTED,'plain,'\n");

        importer.importFile(file, null);

        assertThat(row("US", "FORMULA").getNameEn()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(row("US", "FORMULA").getNameKo()).isEqualTo("+82");
        assertThat(row("US", "QUOTED").getNameEn()).as("a quote before no formula stays").isEqualTo("'plain");
    }

    @Test
    void aNewListingsYahooSymbolAndPreferredFlagFollowItsKind() throws IOException {
        Path file = csv("exchange,ticker,name_en,name_ko\n"
                + "NYS,GAB.G,GABELLI EQUITY TRUST INC PREF SER  G,GABELLI EQUITY TRUST PREFERRED G(누적)\n");

        importer.importFile(file, null);

        TickersRecord preferred = row("US", "GAB/G");
        assertThat(preferred.getYahooSymbol()).isEqualTo("GAB-PG");
        assertThat(preferred.getIsPreferred()).isTrue();
    }
}
