package io.spock.metadata.universe;

import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.kis.KisMasterRecord;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.support.SharedReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled demo universe: enough real stocks per region, about half without a KIS code, as in KIS's files. */
class DemoUniverseTest {

    private static List<Listing> demo() throws Exception {
        try (InputStream in = DemoUniverse.class.getResourceAsStream(DemoUniverse.RESOURCE)) {
            return DemoUniverse.read(in);
        }
    }

    @Test
    void hasEnoughStocksPerRegionAndExchange() throws Exception {
        Map<String, Long> perRegion = demo().stream().collect(Collectors.groupingBy(Listing::region,
                Collectors.counting()));
        Map<String, Long> perExchange = demo().stream().collect(Collectors.groupingBy(l -> l.exchange().code(),
                Collectors.counting()));

        assertThat(demo()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(perRegion.get("US")).isGreaterThanOrEqualTo(100);
        assertThat(perRegion.get("CN")).isGreaterThanOrEqualTo(50);
        assertThat(perRegion.get("HK")).isGreaterThanOrEqualTo(50);
        assertThat(perRegion.get("JP")).isGreaterThanOrEqualTo(50);
        assertThat(perRegion.get("VN")).isGreaterThanOrEqualTo(30);
        assertThat(perExchange.keySet()).containsExactlyInAnyOrder("NAS", "NYS", "AMS", "SHS", "SZS", "HKS", "TSE",
                "HSX", "HNX");
    }

    @Test
    void roughlyHalfCarryNoKisCode() throws Exception {
        long unclassified = demo().stream().filter(l -> l.kisCode().equals("000")).count();

        assertThat((double) unclassified / demo().size()).isBetween(0.4, 0.6);
        assertThat(demo()).allSatisfy(l -> assertThat(l.kisCode()).matches("\\d{3}"));
    }

    @Test
    void symbolsKeepTheirLeadingZerosAndBecomeYahooSymbols() throws Exception {
        Map<String, Listing> byTicker = demo().stream().collect(Collectors.toMap(l -> l.exchange().code() + ":"
                + l.ticker(), Function.identity()));

        assertThat(byTicker.get("SZS:000858").yahooSymbol()).isEqualTo("000858.SZ");
        assertThat(byTicker.get("HKS:00700").yahooSymbol()).isEqualTo("0700.HK");
        assertThat(byTicker.get("NYS:BRK/B").yahooSymbol()).isEqualTo("BRK-B");
        assertThat(demo().stream().filter(Listing::preferred)).allSatisfy(l ->
                assertThat(l.yahooSymbol()).doesNotContain("/"));
    }

    @Test
    void everyRowIsAStockOfKisRealMasterFilesWithTheSameCode() throws Exception {
        Optional<Path> folder = SharedReference.kisMasterDir();
        Assumptions.assumeTrue(folder.isPresent(), "KIS master files not found at " + SharedReference.whereLooked());
        KisMasterReader reader = new KisMasterReader();
        Map<String, KisMasterRecord> stocks = new HashMap<>();
        for (Exchange exchange : Markets.exchanges()) {
            reader.read(folder.get().resolve(exchange.masterCode() + "mst.cod.zip")).stocks()
                    .forEach(r -> stocks.put(exchange.code() + ":" + r.symbol(), r));
        }

        assertThat(demo()).allSatisfy(l -> {
            KisMasterRecord listed = stocks.get(l.exchange().code() + ":" + l.ticker());
            assertThat(listed).as(l.exchange().code() + " " + l.ticker()).isNotNull();
            assertThat(l.kisCode()).isEqualTo(listed.normalisedIndustryCode());
            assertThat(l.nameEn()).isEqualTo(listed.englishName());
        });
    }
}
