package io.spock.metadata.universe;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.kis.KisMasterDownloader;
import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.kis.KisMasterRecord;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.store.Database;
import io.spock.metadata.support.SharedReference;
import io.spock.metadata.support.TestStore;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports KIS's nine real master files of October 2025 from the shared reference folder (see
 * {@link SharedReference}); skipped with a message where the folder is absent.
 */
class RealMasterImportTest {

    private static Path masterDir;

    @TempDir
    Path dir;
    private Database db;
    private MasterImportService service;

    @BeforeAll
    static void locateFiles() {
        masterDir = SharedReference.requireKisMasterDir();
    }

    @BeforeEach
    void open() {
        db = TestStore.open(dir);
        service = new MasterImportService(new MasterImporter(db.dsl(), Clock.systemUTC()), new KisMasterReader(),
                new KisMasterDownloader());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theNineFilesGiveTheKnownStocksWithCanonicalTickersAndUniqueYahooSymbolsInSeconds() {
        List<Path> files = Markets.exchanges().stream()
                .map(e -> masterDir.resolve(e.masterCode() + "mst.cod.zip")).toList();

        long start = System.nanoTime();
        List<MasterImportOutcome> outcomes = service.files(files, null, false);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded()).as(o.source()).isTrue());
        Map<String, Integer> stocks = db.dsl().select(TICKERS.EXCHANGE, DSL.count())
                .from(TICKERS).where(TICKERS.SECURITY_TYPE.eq("STOCK")).groupBy(TICKERS.EXCHANGE)
                .fetchMap(Record2::value1, Record2::value2);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("NAS", 3_818);
        expected.put("NYS", 2_453);
        expected.put("AMS", 262);
        expected.put("SHS", 2_218);
        expected.put("SZS", 2_871);
        expected.put("HKS", 2_722);
        expected.put("TSE", 4_039);
        expected.put("HNX", 304);
        expected.put("HSX", 392);
        assertThat(stocks).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.SECURITY_TYPE.eq("STOCK"))).isEqualTo(19_079);
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.SECURITY_TYPE.eq("STOCK").and(TICKERS.KIS_CODE.eq("000"))))
                .isEqualTo(7_661);
        assertThat(outcomes.stream().mapToInt(o -> o.result().stocks()).sum()).isEqualTo(19_079);
        assertThat(seconds).as("all nine files").isLessThan(20.0);
        assertCanonicalTickersAndUniqueDocumentedYahooSymbols();

        List<MasterImportOutcome> again = service.files(files, null, false);
        assertThat(again).allSatisfy(o -> {
            assertThat(o.result().added()).isZero();
            assertThat(o.result().updated()).isZero();
            assertThat(o.result().delisted()).isZero();
        });
    }

    /**
     * Issue 16's "done means": every stored stock of the nine files has its ticker in its market's canonical form, and
     * a Yahoo symbol that is unique in its market and has the shape the README documents for its exchange.
     */
    private void assertCanonicalTickersAndUniqueDocumentedYahooSymbols() {
        Map<String, Pattern> documented = Map.of(
                "NAS", Pattern.compile("[A-Z0-9]+"),
                "NYS", Pattern.compile("[A-Z0-9]+(-(P[A-Z0-9]*|[A-Z0-9]|U|WT|R))?"),
                "AMS", Pattern.compile("[A-Z0-9]+(-(P[A-Z0-9]*|[A-Z0-9]|U|WT|R))?"),
                "SHS", Pattern.compile("\\d{6}\\.SS"),
                "SZS", Pattern.compile("\\d{6}\\.SZ"),
                "HKS", Pattern.compile("[1-9]\\d{3,4}\\.HK|0[1-9]\\d{2}\\.HK|00[1-9]\\d\\.HK|000[1-9]\\.HK"),
                "TSE", Pattern.compile("[0-9][0-9A-Z]{3}\\.T|[0-9]{5}\\.T"),
                "HSX", Pattern.compile("[A-Z0-9]+\\.VN"),
                "HNX", Pattern.compile("[A-Z0-9]+\\.VN"));

        var stocks = db.dsl().selectFrom(TICKERS).where(TICKERS.SECURITY_TYPE.eq("STOCK")).fetch();
        Map<String, Set<String>> symbolsByRegion = new HashMap<>();

        assertThat(stocks).hasSize(19_079).allSatisfy(row -> {
            Exchange exchange = Markets.exchange(row.getExchange()).orElseThrow();
            assertThat(exchange.canonicalTicker(row.getTicker())).contains(row.getTicker());
            assertThat(row.getYahooSymbol()).as(row.getTicker()).matches(documented.get(row.getExchange()));
            assertThat(symbolsByRegion.computeIfAbsent(row.getRegion(), r -> new HashSet<>())
                    .add(row.getYahooSymbol())).as("%s %s unique", row.getRegion(), row.getYahooSymbol()).isTrue();
        });
        assertThat(stocks.stream().filter(r -> r.getTicker().contains("/"))
                .filter(r -> r.getYahooSymbol().equals(r.getTicker().replace('/', '-'))))
                .as("share classes, depositary ones included (PBR/A, AKO/A)").hasSize(22 + 5);
    }

    @Test
    void theEarlierNasdaqFileThenTheCurrentOneGiveConsistentChanges() {
        Path earlier = masterDir.resolve("nasmst-earlier.cod.zip");
        Path current = masterDir.resolve("nasmst.cod.zip");
        Map<String, KisMasterRecord> before = listings(earlier);
        Map<String, KisMasterRecord> after = listings(current);
        Set<String> added = new HashSet<>(after.keySet());
        added.removeAll(before.keySet());
        Set<String> gone = new HashSet<>(before.keySet());
        gone.removeAll(after.keySet());
        long changedCode = after.keySet().stream().filter(before::containsKey)
                .filter(s -> !before.get(s).normalisedIndustryCode().equals(after.get(s).normalisedIndustryCode()))
                .count();

        service.files(List.of(earlier), null, false);
        MarketImport result = service.files(List.of(current), null, false).get(0).result();

        assertThat(result.added()).isEqualTo(added.size());
        assertThat(result.delisted()).isEqualTo(gone.size());
        assertThat(result.added() + result.updated() + result.unchanged()).isEqualTo(after.size());
        assertThat(result.updated()).isGreaterThanOrEqualTo((int) changedCode);
        assertThat(db.dsl().fetchCount(TICKERS)).as("nothing deleted").isEqualTo(before.size() + added.size());
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.DELISTED.isTrue())).isEqualTo(gone.size());
        assertThat(db.dsl().fetchCount(TICKERS, TICKERS.STATUS.eq("PENDING"))).isEqualTo(
                after.values().stream().filter(KisMasterRecord::isStock).count());
        System.out.printf("nasmst-earlier -> nasmst: %d added, %d updated (%d new codes), %d unchanged, %d delisted%n",
                result.added(), result.updated(), changedCode, result.unchanged(), result.delisted());
    }

    /** Stocks and products by symbol, as the importer keeps them. */
    private static Map<String, KisMasterRecord> listings(Path file) {
        Map<String, KisMasterRecord> bySymbol = new HashMap<>();
        new KisMasterReader().read(file).records().stream()
                .filter(r -> SecurityType.of(r).isPresent())
                .forEach(r -> bySymbol.putIfAbsent(r.symbol(), r));
        return bySymbol;
    }
}
