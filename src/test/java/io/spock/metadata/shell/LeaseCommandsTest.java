package io.spock.metadata.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.enrich.EnrichMode;
import io.spock.metadata.enrich.RunLog;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.store.InstanceSettings;
import io.spock.metadata.store.RegionLeases;
import io.spock.metadata.store.RunOwner;
import io.spock.metadata.store.StaleRuns;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Function;

import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.support.TestStore.listing;
import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees of other runs: {@code status}'s lease lines and ABANDONED runs, {@code enrich}'s skip line. */
class LeaseCommandsTest {

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home).withProjectConfig().yahooUnreachable().property("spock.demo", "false");
        cli.run("status");
        withDatabase(db -> {
            TestStore.add(db, listing("NYS", "XOM", "010"), listing("TSE", "7203", "310"));
            return null;
        });
    }

    private <T> T withDatabase(Function<Database, T> action) {
        try (Database db = Database.open(DatabaseLocation.parse(home.resolve("test.db").toString(), null), null,
                null)) {
            return action.apply(db);
        }
    }

    /** Run 1, on host-a, enriching US (as another process would leave it in the store). */
    private int holdUs() {
        return withDatabase(db -> {
            Clock clock = Clock.systemUTC();
            int run = new RunLog(db.dsl(), clock, new RunOwner("host-a", 311)).start("US", EnrichMode.INCREMENTAL);
            new RegionLeases(db.dsl(), clock, new StaleRuns(db.dsl(), clock,
                    InstanceSettings.defaults().leaseTimeout())).acquire(Region.US, run);
            return run;
        });
    }

    private void lastSignOfLife(int run, LocalDateTime when) {
        withDatabase(db -> db.dsl().update(ENRICHMENT_RUNS).set(ENRICHMENT_RUNS.HEARTBEAT_AT, when)
                .where(ENRICHMENT_RUNS.ID.eq(run)).execute());
    }

    @Test
    void statusShowsWhichRunOnWhichHostIsEnrichingARegion() throws Exception {
        int run = holdUs();

        CliRun.Result table = cli.run("status");
        CliRun.Result json = cli.run("status", "--format", "json");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).containsPattern("US is being enriched by run " + run
                + " on host-a \\(pid 311\\), started \\d\\d:\\d\\d:\\d\\d; last heartbeat \\d+ s ago");
        JsonNode regions = new ObjectMapper().readTree(json.out());
        JsonNode us = regions.get(0);
        assertThat(us.get("region").asText()).isEqualTo("US");
        assertThat(us.get("lease").get("run").asInt()).isEqualTo(run);
        assertThat(us.get("lease").get("host").asText()).isEqualTo("host-a");
        assertThat(us.get("lease").get("pid").asLong()).isEqualTo(311);
        assertThat(regions.get(1).get("lease").isNull()).isTrue();
    }

    @Test
    void statusMarksARunWithoutSignOfLifeAbandonedOnceAndShowsItAsTheRegionsLastRun() {
        int run = holdUs();
        lastSignOfLife(run, LocalDateTime.now(Clock.systemUTC()).minusMinutes(10));

        CliRun.Result first = cli.run("status");
        CliRun.Result second = cli.run("status");
        CliRun.Result csv = cli.run("status", "--regions", "US", "--format", "csv");

        assertThat(first.out()).contains("Run " + run + " on host-a (pid 311) marked ABANDONED: no sign of life since ");
        assertThat(first.out()).doesNotContain("is being enriched");
        assertThat(second.out()).doesNotContain("marked ABANDONED").containsPattern("(?m)^US\\s+\\S+ \\S+\\s+ABANDONED");
        assertThat(csv.out()).contains(",ABANDONED");
        String stored = withDatabase(db -> db.dsl().fetchValue(ENRICHMENT_RUNS.STATUS, ENRICHMENT_RUNS.ID.eq(run)));
        assertThat(stored).isEqualTo("ABANDONED");
    }

    @Test
    void enrichSkipsARegionAnotherRunHoldsWithOneLineAndExitsThree() {
        int run = holdUs();

        CliRun.Result result = cli.run("enrich", "--regions", "US,JP");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.out()).containsPattern("(?m)^US is being enriched by run " + run
                + " on host-a \\(pid 311\\), started \\d\\d:\\d\\d:\\d\\d$");
        assertThat(result.out()).containsPattern("(?m)^US .*SKIPPED$").containsPattern("(?m)^JP .*COMPLETED$");
    }

    @Test
    void enrichWaitTakesSecondsOrNothing() {
        assertThat(cli.run("enrich", "--regions", "JP", "--wait").exitCode()).isZero();
        assertThat(cli.run("enrich", "--wait", "--regions", "JP").exitCode()).isZero();
        assertThat(cli.run("enrich", "--regions", "JP", "--wait", "30", "--force-refresh").exitCode()).isZero();

        CliRun.Result bad = cli.run("enrich", "--wait", "soon");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errors()).isEqualTo("error: --wait: expected a number from 0 to 86400, got 'soon'");
    }

    @Test
    void aBadLeaseSettingStopsEnrichAndStatusWithOneLineAndLeavesTheOthersWorking() {
        cli.property("spock.instances.lease-timeout", "soon");

        CliRun.Result status = cli.run("status");
        CliRun.Result tickers = cli.run("tickers", "--regions", "US");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.errors()).isEqualTo("error: setting spock.instances.lease-timeout "
                + "(SPOCK_INSTANCES_LEASE_TIMEOUT) is 'soon': expected a duration such as 500ms, 10s or 5m");
        assertThat(tickers.exitCode()).isZero();
    }

    @Test
    void aHeartbeatNotShorterThanTheLeaseTimeoutIsRefused() {
        cli.property("spock.instances.heartbeat", "5m");

        CliRun.Result enrich = cli.run("enrich", "--regions", "JP");

        assertThat(enrich.exitCode()).isEqualTo(2);
        assertThat(enrich.errors()).isEqualTo("error: setting spock.instances.heartbeat (SPOCK_INSTANCES_HEARTBEAT) "
                + "is '300s': expected a duration shorter than spock.instances.lease-timeout (PT2M)");
    }
}
