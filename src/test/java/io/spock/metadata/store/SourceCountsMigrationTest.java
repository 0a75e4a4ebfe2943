package io.spock.metadata.store;

import io.spock.metadata.support.TestStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.RUN_REGION_SOURCES;
import static org.assertj.core.api.Assertions.assertThat;

/** Migration V2 carries the runs recorded with the two fixed columns over into per-source counts. */
class SourceCountsMigrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.Backend.class)
    void oldRunsKeepTheirKisAndYahooCountsAsPerSourceRows(TestStore.Backend backend) throws Exception {
        DatabaseLocation location = DatabaseLocation.parse(backend.newDatabase(dir), null);
        String vendor = location.isSqlite() ? "sqlite" : "postgresql";
        Flyway.configure().dataSource(location.jdbcUrl(), null, null)
                .locations("classpath:db/migration/" + vendor).target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
             Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO enrichment_runs (id, started_at, regions, mode, status)"
                    + " VALUES (1, '2025-10-01 02:00:00', 'US,JP', 'INCREMENTAL', 'COMPLETED')");
            sql.execute("INSERT INTO run_regions (run_id, region, status, total, enriched, from_kis, from_yahoo)"
                    + " VALUES (1, 'US', 'COMPLETED', 245, 200, 150, 50)");
            sql.execute("INSERT INTO run_regions (run_id, region, status, total, enriched, from_kis, from_yahoo)"
                    + " VALUES (1, 'JP', 'COMPLETED', 100, 54, 54, 0)");
        }

        try (Database db = Database.open(location, null, null)) {
            Map<String, Integer> counts = new HashMap<>();
            db.dsl().selectFrom(RUN_REGION_SOURCES).forEach(r -> counts.put(r.getRegion() + " " + r.getSource(),
                    r.getClassified()));

            assertThat(counts).containsOnly(Map.entry("US KIS", 150), Map.entry("US YAHOO", 50),
                    Map.entry("JP KIS", 54));
            assertThat(db.dsl().fetchCount(RUN_REGIONS)).isEqualTo(2);
        }
    }
}
