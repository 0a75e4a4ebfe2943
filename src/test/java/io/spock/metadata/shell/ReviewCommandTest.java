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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;
import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer kept, {@code review}, and the disagreement counts of {@code status} and {@code coverage-report},
 * through the CLI on the demo universe (Yahoo unreachable). {@link PostgresReviewCommandTest} runs them again on
 * PostgreSQL.
 */
class ReviewCommandTest {

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
        cli = new CliRun(home)
                .yahooUnreachable()
                .property("spock.home", Path.of("").toAbsolutePath().toString())
                .property("spock.db", database);
    }

    private void withDatabase(Consumer<Database> action) {
        assertThat(cli.run("status").exitCode()).isEqualTo(ExitCodes.OK);
        try (Database db = Database.open(DatabaseLocation.parse(database, null), null, null)) {
            action.accept(db);
        }
    }

    /** Yahoo's answer from an earlier run, as that run would have kept it. */
    private void yahooSaid(String ticker, String sector) {
        withDatabase(db -> db.dsl().insertInto(CLASSIFICATION_EVIDENCE)
                .set(CLASSIFICATION_EVIDENCE.REGION, "US").set(CLASSIFICATION_EVIDENCE.TICKER, ticker)
                .set(CLASSIFICATION_EVIDENCE.SOURCE, "YAHOO").set(CLASSIFICATION_EVIDENCE.VERDICT, "SECTOR")
                .set(CLASSIFICATION_EVIDENCE.SECTOR_CODE, sector).set(CLASSIFICATION_EVIDENCE.CONFIDENCE, "HIGH")
                .set(CLASSIFICATION_EVIDENCE.RAW_CODE, "Financial Services")
                .set(CLASSIFICATION_EVIDENCE.OBSERVED_AT, LocalDateTime.now().minusDays(40)).execute());
    }

    private JsonNode json(CliRun.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isIn(ExitCodes.OK, 3);
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void enrichKeepsEverySourcesAnswerAndInspectShowsThemSideBySide() throws Exception {
        cli.run("enrich", "--tickers", "XOM,MSFT");

        JsonNode xom = json(cli.run("inspect-ticker", "XOM", "--format", "json"));
        JsonNode msft = json(cli.run("inspect-ticker", "MSFT", "--format", "json"));

        assertThat(xom.get("evidence")).hasSize(1);
        JsonNode kis = xom.get("evidence").get(0);
        assertThat(kis.get("source").asText()).isEqualTo("KIS");
        assertThat(kis.get("decided").asText()).isEqualTo("*");
        assertThat(kis.get("sector").asText()).isEqualTo("10 Energy");
        assertThat(kis.get("confidence").asText()).isEqualTo("medium");
        assertThat(kis.get("raw_code").asText()).isEqualTo("010");
        assertThat(kis.get("raw_label").asText()).isEqualTo("에너지 및 관련 서비스");
        assertThat(msft.get("evidence")).extracting(e -> e.get("source").asText()).containsExactly("KIS");
        assertThat(msft.get("confidence").asText()).isEqualTo("LOW");
    }

    @Test
    void aTickerWhoseSourcesDisagreeIsFirstInTheQueueWithEverySourceAndAMapSectorLine() throws Exception {
        yahooSaid("XOM", "40");
        cli.run("enrich", "--tickers", "XOM");

        JsonNode queue = json(cli.run("review", "--regions", "US", "--reason", "disagreement", "--format", "json"));

        assertThat(queue).hasSize(1);
        JsonNode xom = queue.get(0);
        assertThat(xom.get("ticker").asText()).isEqualTo("XOM");
        assertThat(xom.get("reasons")).extracting(JsonNode::asText).containsExactly("disagreement");
        assertThat(xom.get("sector_code").asText()).as("KIS medium decides; Yahoo was not asked").isEqualTo("10");
        List<String> sources = new ArrayList<>();
        xom.get("sources").forEach(s -> sources.add(s.get("source").asText() + " " + s.get("sector_code").asText()
                + " " + s.get("confidence").asText()));
        assertThat(sources).containsExactly("KIS 10 MEDIUM", "YAHOO 40 HIGH");
        assertThat(xom.get("map_sector").asText())
                .isEqualTo("map-sector XOM 10 --region US --reason \"review: disagreement\"");
        assertThat(cli.run("review", "--regions", "US").out()).contains("XOM").contains("KIS 10 medium · YAHOO 40 high");
    }

    @Test
    void statusAndCoverageCountDisagreementsAndAManualFixTakesTheTickerOutOfTheQueue() throws Exception {
        yahooSaid("XOM", "40");
        cli.run("enrich", "--tickers", "XOM");

        assertThat(json(cli.run("status", "--regions", "US", "--format", "json")).get(0).get("disagreements").asInt())
                .isEqualTo(1);
        assertThat(json(cli.run("coverage-report", "--regions", "US", "--format", "json")).get(0)
                .get("disagreements").asInt()).isEqualTo(1);

        assertThat(cli.run("map-sector", "XOM", "10", "--reason", "reviewed").exitCode()).isEqualTo(ExitCodes.OK);

        assertThat(json(cli.run("review", "--reason", "disagreement", "--format", "json"))).isEmpty();
        assertThat(json(cli.run("status", "--regions", "US", "--format", "json")).get(0).get("disagreements").asInt())
                .isZero();
        JsonNode evidence = json(cli.run("inspect-ticker", "XOM", "--format", "json")).get("evidence");
        assertThat(evidence).extracting(e -> e.get("source").asText()).containsExactly("KIS", "MANUAL", "YAHOO");
    }

    @Test
    void lowConfidenceAnswersAndUnknownSymbolsAreQueuedByTheirReason() throws Exception {
        cli.run("enrich", "--tickers", "MSFT");
        withDatabase(db -> db.dsl().update(TICKERS).set(TICKERS.STATUS, "NOT_FOUND")
                .where(TICKERS.REGION.eq("US"), TICKERS.TICKER.eq("AIM")).execute());

        JsonNode low = json(cli.run("review", "--reason", "low", "--format", "json"));
        JsonNode notFound = json(cli.run("review", "--reason", "not-found", "--format", "json"));

        assertThat(low).extracting(r -> r.get("ticker").asText()).containsExactly("MSFT");
        assertThat(low.get(0).get("map_sector").asText()).startsWith("map-sector MSFT 45 --region US");
        assertThat(notFound).extracting(r -> r.get("ticker").asText()).containsExactly("AIM");
        assertThat(notFound.get(0).get("map_sector").asText()).contains(" SECTOR ");
    }

    @Test
    void statusAndCoverageCountNotFoundApartFromFailedAndTheQueueListsIt() throws Exception {
        withDatabase(db -> {
            db.dsl().update(TICKERS).set(TICKERS.STATUS, "NOT_FOUND")
                    .where(TICKERS.REGION.eq("US"), TICKERS.TICKER.in("AIM", "ARTV")).execute();
            db.dsl().update(TICKERS).set(TICKERS.STATUS, "FAILED")
                    .where(TICKERS.REGION.eq("US"), TICKERS.TICKER.eq("AEP")).execute();
        });

        JsonNode status = json(cli.run("status", "--regions", "US", "--format", "json")).get(0);
        JsonNode coverage = json(cli.run("coverage-report", "--regions", "US", "--format", "json")).get(0);
        String table = cli.run("status", "--regions", "US").out();

        for (JsonNode counts : List.of(status, coverage)) {
            assertThat(counts.get("not_found").asInt()).isEqualTo(2);
            assertThat(counts.get("failed").asInt()).isEqualTo(1);
        }
        assertThat(table.lines().findFirst().orElseThrow()).contains("not found", "failed");
        assertThat(json(cli.run("review", "--reason", "not-found", "--format", "json")))
                .extracting(r -> r.get("ticker").asText()).containsExactlyInAnyOrder("AIM", "ARTV");
    }

    @Test
    void anEmptyQueueSaysSoAndTheLimitSaysHowManyMore() throws Exception {
        assertThat(cli.run("review").out()).contains("the review queue is empty");
        cli.run("enrich", "--tickers", "MSFT,AMZN,META");

        CliRun.Result limited = cli.run("review", "--reason", "low", "--limit", "1");

        assertThat(limited.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(limited.out()).contains("2 more (raise --limit to see them)");
        assertThat(cli.run("review", "--reason", "low", "--format", "csv").out().lines().findFirst())
                .contains("region,ticker,name,reasons,decided,sources,map_sector");
    }

    @Test
    void badReviewOptionsAreOneLineWithExitTwo() {
        CliRun.Result reason = cli.run("review", "--reason", "wrong");
        CliRun.Result limit = cli.run("review", "--limit", "0");

        assertThat(reason.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reason.errors()).isEqualTo("error: unknown --reason 'wrong': choose disagreement, low or not-found");
        assertThat(limit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(limit.errors()).isEqualTo("error: --limit: expected a whole number from 1 to 100000, got '0'");
    }
}
