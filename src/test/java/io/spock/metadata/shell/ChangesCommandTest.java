package io.spock.metadata.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code changes} after a real {@code enrich} that moved sectors (KIS codes of high and medium confidence only, so
 * Yahoo is never asked), and the enrich summary line that points to it. {@link PostgresChangesCommandTest} runs
 * them again on PostgreSQL.
 */
class ChangesCommandTest {

    @TempDir
    Path home;
    CliRun cli;
    String database;

    TestStore.Backend backend() {
        return TestStore.Backend.SQLITE;
    }

    @BeforeEach
    void setUp() {
        database = backend().newDatabase(home);
        cli = new CliRun(home).yahooUnreachable()
                .property("spock.home", Path.of("").toAbsolutePath().toString())
                .property("spock.db", database);
    }

    /** Five tickers a wrong earlier answer put in Financials; AT&T never classified. */
    private void wronglyInFinancials() {
        assertThat(cli.run("status").exitCode()).isEqualTo(ExitCodes.OK);
        try (Database db = Database.open(DatabaseLocation.parse(database, null), null, null)) {
            db.dsl().update(TICKERS).set(TICKERS.SECTOR_CODE, "40").set(TICKERS.SECTOR_EN, "Financials")
                    .set(TICKERS.SOURCE, "KIS").set(TICKERS.CONFIDENCE, "HIGH").set(TICKERS.STATUS, "CLASSIFIED")
                    .set(TICKERS.LAST_ENRICHED, LocalDateTime.of(2026, 10, 1, 2, 30))
                    .where(TICKERS.REGION.eq("US"), TICKERS.TICKER.in("XOM", "CVX", "JNJ", "PFE", "DUK"))
                    .execute();
        }
    }

    @Test
    void anEnrichThatMovedSectorsNamesTheCountAndChangesListsAndSummarisesThem() throws Exception {
        wronglyInFinancials();

        CliRun.Result enrich = cli.run("enrich", "--tickers", "XOM,CVX,JNJ,PFE,DUK,T", "--no-progress-bar");
        CliRun.Result list = cli.run("changes", "--run", "last", "--format", "json");
        CliRun.Result summary = cli.run("changes", "--run", "1", "--summary", "--format", "json");
        CliRun.Result table = cli.run("changes", "--summary", "--regions", "US", "--sector", "에너지");

        assertThat(enrich.exitCode()).as(enrich.err()).isEqualTo(ExitCodes.OK);
        assertThat(enrich.out()).contains("run 1, completed in ")
                .contains("; 5 tickers changed sector, 1 classified for the first time: changes --run 1");
        JsonNode changes = new ObjectMapper().readTree(list.out());
        assertThat(changes).hasSize(6);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.get("run").asInt()).isEqualTo(1);
            assertThat(c.get("source").asText()).isEqualTo("KIS");
            assertThat(c.get("changed_at").asText()).isNotBlank();
        });
        JsonNode xom = List.of(changes.get(0), changes.get(1), changes.get(2), changes.get(3), changes.get(4),
                changes.get(5)).stream().filter(c -> c.get("ticker").asText().equals("XOM")).findFirst().orElseThrow();
        assertThat(xom.get("old_sector").asText()).isEqualTo("40 Financials");
        assertThat(xom.get("new_sector").asText()).isEqualTo("10 Energy");
        assertThat(xom.get("reason").asText()).isNotBlank();

        JsonNode matrix = new ObjectMapper().readTree(summary.out());
        assertThat(matrix).hasSize(2);
        assertThat(matrix.get(0).get("from_sector").isNull()).isTrue();
        assertThat(matrix.get(0).get("from").asText()).isEqualTo("none");
        assertThat(matrix.get(0).get("to").toString()).isEqualTo("{\"50\":1}");
        assertThat(matrix.get(0).get("total").asInt()).isEqualTo(1);
        assertThat(matrix.get(1).get("from_sector").asText()).isEqualTo("40");
        assertThat(matrix.get(1).get("from").asText()).isEqualTo("40 Financials");
        assertThat(matrix.get(1).get("to").toString()).isEqualTo("{\"10\":2,\"35\":2,\"55\":1}");
        assertThat(matrix.get(1).get("total").asInt()).isEqualTo(5);

        assertThat(table.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains("sector migration: from (rows) to (columns), changes")
                .containsPattern("from\\s+10\\s+total")
                .containsPattern("40 Financials\\s+2\\s+2")
                .containsPattern("total\\s+2\\s+2");
    }

    @Test
    void anEmptySelectionSaysSoAndBadSelectionsAreOneLineWithExitTwo() {
        CliRun.Result result = cli.runWithStdin(String.join("\n",
                "changes",
                "changes --summary",
                "changes --run last",
                "changes --run 7",
                "changes --run seven",
                "changes --since yesterday",
                "changes --sector Finanse",
                "changes --limit 0") + "\n");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).contains("no changes match").contains("no sector changes match");
        assertThat(result.errors().lines().toList()).containsExactly(
                "error: line 3: --run last: no enrich run yet",
                "error: line 4: unknown run 7: no enrich run yet",
                "error: line 5: invalid --run 'seven': a run number, or last",
                "error: line 6: invalid --since 'yesterday': a date (2026-11-30) or a time (2026-11-30T02:30), UTC",
                "error: line 7: unknown --sector 'Finanse': a GICS sector code (10-60) or name; closest: "
                        + "Financials, Energy, Utilities",
                "error: line 8: --limit must be from 1 to 100000, not 0");
    }
}
