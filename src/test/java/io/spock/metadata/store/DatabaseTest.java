package io.spock.metadata.store;

import io.spock.metadata.app.SpockException;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migrations and connection settings on a real SQLite file. */
class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void firstOpenCreatesTheSchemaAndReopeningKeepsIt() {
        DatabaseLocation location = DatabaseLocation.parse(dir.resolve("s.db").toString(), null);
        try (Database first = Database.open(location, null, null)) {
            assertThat(first.created()).isTrue();
            assertThat(first.dsl().fetchCount(TICKERS)).isZero();
        }
        try (Database again = Database.open(location, null, null)) {
            assertThat(again.created()).isFalse();
            assertThat(again.dsl().meta().getTables()).extracting(t -> t.getName())
                    .contains("tickers", "enrichment_runs", "run_regions", "classification_history");
        }
    }

    @Test
    void aStoreThatAlreadyHasALaterMigrationGetsAnEarlierOneReleasedAfterIt() {
        DatabaseLocation location = DatabaseLocation.parse(dir.resolve("late.db").toString(), null);
        try (Database db = Database.open(location, null, null)) {
            // as a store made before V8 was released, but after V9
            db.dsl().execute("DROP TABLE region_leases");
            db.dsl().execute("DROP TABLE request_budgets");
            for (String column : new String[] {"host", "pid", "heartbeat_at"}) {
                db.dsl().execute("ALTER TABLE enrichment_runs DROP COLUMN " + column);
            }
            db.dsl().execute("DELETE FROM flyway_schema_history WHERE version = '8'");
        }

        try (Database again = Database.open(location, null, null)) {
            assertThat(again.dsl().meta().getTables()).extracting(t -> t.getName())
                    .contains("region_leases", "request_budgets");
            assertThat(again.dsl().fetchValue("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '8'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void sqliteRunsInWalModeWithForeignKeysAndABusyTimeout() {
        try (Database db = Database.open(DatabaseLocation.parse(dir.resolve("p.db").toString(), null), null, null)) {
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "synchronous")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(db, "busy_timeout"))).isGreaterThanOrEqualTo(10_000);
        }
    }

    @Test
    void sqliteCheckpointsEveryTenThousandPagesAndCutsTheWalBackTo64Megabytes() {
        try (Database db = Database.open(DatabaseLocation.parse(dir.resolve("w.db").toString(), null), null, null)) {
            assertThat(pragma(db, "wal_autocheckpoint")).isEqualTo("10000");
            assertThat(pragma(db, "journal_size_limit")).isEqualTo(String.valueOf(64 * 1024 * 1024));
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.open(DatabaseLocation.parse(dir.resolve("f.db").toString(), null), null, null)) {
            assertThatThrownBy(() -> db.dsl().insertInto(CLASSIFICATION_HISTORY)
                    .set(CLASSIFICATION_HISTORY.REGION, "US")
                    .set(CLASSIFICATION_HISTORY.TICKER, "NOPE")
                    .set(CLASSIFICATION_HISTORY.CHANGED_AT, java.time.LocalDateTime.now())
                    .set(CLASSIFICATION_HISTORY.SOURCE, "KIS")
                    .execute()).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void locationsParseFilesAndJdbcUrls() {
        Path fallback = dir.resolve("db/spock.db");
        assertThat(DatabaseLocation.parse(null, fallback).file()).isEqualTo(fallback.toAbsolutePath());
        assertThat(DatabaseLocation.parse("jdbc:sqlite:/tmp/x.db", fallback).file()).isEqualTo(Path.of("/tmp/x.db"));
        assertThat(DatabaseLocation.parse("jdbc:postgresql://h:5432/spock", fallback).isSqlite()).isFalse();
        assertThat(DatabaseLocation.parse("jdbc:postgresql://h/db?user=a&password=secret", fallback).display())
                .doesNotContain("secret");
        assertThatThrownBy(() -> DatabaseLocation.parse("jdbc:oracle:thin:@x", fallback))
                .isInstanceOf(SpockException.class);
    }

    private static String pragma(Database db, String name) {
        Record record = db.dsl().fetchOne("pragma " + name);
        return String.valueOf(record.get(0)).toLowerCase();
    }
}
