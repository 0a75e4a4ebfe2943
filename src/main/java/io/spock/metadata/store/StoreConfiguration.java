package io.spock.metadata.store;

import io.spock.metadata.app.Settings;
import io.spock.metadata.app.SpockProperties;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Clock;

/**
 * Opens the store named by {@code SPOCK_DB} (default {@code db/spock.db}). Seeding a new store with the demo
 * universe is the universe package's job ({@code universe/UniverseConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    public Database database(SpockProperties properties) {
        DatabaseLocation location = DatabaseLocation.parse(properties.db(), properties.defaultDatabaseFile());
        return Database.open(location, properties.dbUser(), properties.dbPassword(), properties.dbBusyTimeout());
    }

    /** Names lock timeouts, a full disk or a lost server for the error reporter while commands run. */
    @Bean
    public StoreFailures storeFailures(Database database) {
        return database.failures();
    }

    @Bean
    public DSLContext dsl(Database database) {
        return database.dsl();
    }

    @Bean
    public StatusQuery statusQuery(DSLContext dsl) {
        return new StatusQuery(dsl);
    }

    @Bean
    public CoverageQuery coverageQuery(DSLContext dsl) {
        return new CoverageQuery(dsl);
    }

    @Bean
    public ReviewQuery reviewQuery(DSLContext dsl) {
        return new ReviewQuery(dsl);
    }

    @Bean
    public TickerDetails tickerDetails(DSLContext dsl) {
        return new TickerDetails(dsl);
    }

    @Bean
    public TickerQuery tickerQuery(DSLContext dsl) {
        return new TickerQuery(dsl);
    }

    @Bean
    public ChangeQuery changeQuery(DSLContext dsl) {
        return new ChangeQuery(dsl);
    }

    @Bean
    public TickerLookup tickerLookup(DSLContext dsl) {
        return new TickerLookup(dsl);
    }

    /**
     * {@code spock.instances.*}: lease timeout, heartbeat, Yahoo budget blocks; bound when first needed, so that a bad
     * value stops only {@code enrich} and {@code status}.
     */
    @Bean
    @Lazy
    public InstanceSettings instanceSettings(Settings settings) {
        return settings.bind(InstanceSettings.PREFIX, InstanceSettings.class);
    }

    @Bean
    @Lazy
    public StaleRuns staleRuns(DSLContext dsl, Clock clock, InstanceSettings instances) {
        return new StaleRuns(dsl, clock, instances.leaseTimeout());
    }

    @Bean
    @Lazy
    public RegionLeases regionLeases(DSLContext dsl, Clock clock, StaleRuns staleRuns) {
        return new RegionLeases(dsl, clock, staleRuns);
    }
}
