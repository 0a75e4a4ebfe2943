package io.spock.metadata.curate;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.store.Database;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

class ManualFixesTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();

    @TempDir
    Path dir;
    private Database db;
    private ManualFixes fixes;

    @BeforeEach
    void open() {
        db = TestStore.open(dir);
        TestStore.add(db, TestStore.listing("NAS", "V", "720"));
        fixes = new ManualFixes(db.dsl(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String industry() {
        return db.dsl().select(TICKERS.INDUSTRY).from(TICKERS).where(TICKERS.TICKER.eq("V")).fetchOne(TICKERS.INDUSTRY);
    }

    /** Issue 16: map-sector without --industry kept the industry of an earlier fix although the sector changed. */
    @Test
    void aNewSectorWithoutAnIndustryClearsTheStaleIndustry() {
        fixes.apply(new ManualFix("US", "V", GICS.sector("45").orElseThrow(), "IT Services", "first"), false);

        fixes.apply(new ManualFix("US", "V", GICS.sector("40").orElseThrow(), null, "payments are Financials"),
                false);

        assertThat(industry()).isNull();
    }

    @Test
    void theSameSectorWithoutAnIndustryKeepsIt() {
        fixes.apply(new ManualFix("US", "V", GICS.sector("40").orElseThrow(), "Transaction Processing", "first"),
                false);

        FixResult again = fixes.apply(new ManualFix("US", "V", GICS.sector("40").orElseThrow(), null, "again"), false);

        assertThat(industry()).isEqualTo("Transaction Processing");
        assertThat(again.changed()).isFalse();
    }
}
