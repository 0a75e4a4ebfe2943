package io.spock.metadata.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate-to} end to end: a SQLite universe with runs, fixes and history into an empty PostgreSQL schema. */
class MigrateToTest {

    @TempDir
    Path home;
    CliRun sqlite;
    String target;

    @BeforeEach
    void setUp() {
        target = Postgres.freshSchemaUrl();
        sqlite = cli(home.resolve("source.db").toString());
    }

    private CliRun cli(String db) {
        return new CliRun(home)
                .property("spock.home", Path.of("").toAbsolutePath().toString())
                .property("spock.db", db)
                .yahooUnreachable();
    }

    @Test
    void copiesEverythingVerifiesCountsAndThePostgresStoreCarriesOn() throws Exception {
        sqlite.run("enrich", "--regions", "US,JP");
        sqlite.run("map-sector", "XOM", "55", "--reason", "before the move");

        CliRun.Result migrated = sqlite.run("migrate-to", "--target", target, "--format", "json");

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        JsonNode counts = new ObjectMapper().readTree(migrated.out());
        assertThat(counts).extracting(c -> c.get("table").asText()).containsExactly("tickers", "enrichment_runs",
                "run_regions", "run_region_sources", "classification_history", "classification_evidence");
        counts.forEach(c -> assertThat(c.get("verified").asText()).isEqualTo("yes"));
        assertThat(counts.get(0).get("target_rows").asInt()).isEqualTo(628);

        CliRun postgres = cli(target);
        assertThat(postgres.run("status", "--format", "json").out())
                .isEqualTo(sqlite.run("status", "--format", "json").out());
        JsonNode xom = new ObjectMapper().readTree(postgres.run("inspect-ticker", "XOM", "--format", "json").out());
        assertThat(xom.get("source").asText()).isEqualTo("MANUAL");
        assertThat(xom.get("history").get(0).get("reason").asText()).isEqualTo("before the move");
        assertThat(xom.get("evidence")).extracting(e -> e.get("source").asText()).containsExactly("KIS", "MANUAL");
        JsonNode run = new ObjectMapper().readTree(postgres.run("enrich", "--regions", "VN", "--format", "json").out());
        assertThat(run.get("run_id").asInt()).isEqualTo(2);
    }

    @Test
    void refusesATargetThatIsNotEmpty() {
        sqlite.run("migrate-to", "--target", target);

        CliRun.Result again = sqlite.run("migrate-to", "--target", target);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.errors()).startsWith("error: the target database is not empty");
    }

    @Test
    void unreachableTargetIsAOneLineError() {
        CliRun.Result result = sqlite.run("migrate-to", "--target", "jdbc:postgresql://127.0.0.1:1/nowhere");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).startsWith("error: cannot open database").doesNotContain("\n");
    }
}
