package io.spock.metadata.kis;

import io.spock.metadata.support.SharedReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the nine real KIS master files of October 2025 from the shared reference folder. The folder is
 * {@code SPOCK_SHARED_DIR} (system property or environment), else {@code ../shared} (CI clones the project beside
 * it), else {@code /work/shared}; the test is skipped when none holds the files.
 */
class RealMasterFilesTest {

    private static final Map<String, Integer> STOCKS = new LinkedHashMap<>();

    static {
        STOCKS.put("nas", 3_818);
        STOCKS.put("nys", 2_453);
        STOCKS.put("ams", 262);
        STOCKS.put("shs", 2_218);
        STOCKS.put("szs", 2_871);
        STOCKS.put("hks", 2_722);
        STOCKS.put("tse", 4_039);
        STOCKS.put("hnx", 304);
        STOCKS.put("hsx", 392);
    }

    private static Path masterDir;

    @BeforeAll
    static void locateFiles() {
        masterDir = SharedReference.requireKisMasterDir();
    }

    @Test
    void readsEveryListingOfTheNineExchanges() {
        KisMasterReader reader = new KisMasterReader();
        Map<String, Integer> stocks = new LinkedHashMap<>();
        int total = 0;
        int unclassified = 0;
        for (String code : STOCKS.keySet()) {
            MasterFile master = reader.read(masterDir.resolve(code + "mst.cod.zip"));
            assertThat(master.malformed()).as(code).isEmpty();
            assertThat(master.records()).as(code)
                    .allSatisfy(r -> assertThat(r.exchangeCode()).isEqualToIgnoringCase(code));
            stocks.put(code, master.stocks().size());
            total += master.stocks().size();
            unclassified += (int) master.stocks().stream()
                    .filter(r -> r.normalisedIndustryCode().equals("000")).count();
        }

        assertThat(stocks).containsExactlyEntriesOf(STOCKS);
        assertThat(total).isEqualTo(19_079);
        assertThat(unclassified).isEqualTo(7_661);
    }

    @Test
    void decodesKoreanNamesAndKeepsTheFirstLine() {
        MasterFile hongKong = new KisMasterReader().read(masterDir.resolve("hksmst.cod.zip"));

        KisMasterRecord first = hongKong.records().get(0);
        assertThat(first.symbol()).isEqualTo("00001");
        assertThat(first.englishName()).isEqualTo("CKH HOLDINGS");
        assertThat(first.koreanName()).isEqualTo("CKH 홀딩스");
        assertThat(first.industryCode()).isEqualTo("240");
    }
}
