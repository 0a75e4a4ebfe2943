package io.spock.metadata.store;

import io.spock.metadata.app.SpockProperties;
import io.spock.metadata.universe.DemoUniverse;
import io.spock.metadata.universe.UniverseWriter;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Opens the store named by {@code SPOCK_DB} (default {@code db/spock.db}) and seeds a new one with the demo. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    public Database database(SpockProperties properties, Clock clock) {
        DatabaseLocation location = DatabaseLocation.parse(properties.db(), properties.defaultDatabaseFile());
        Database database = Database.open(location, properties.dbUser(), properties.dbPassword());
        if (database.created() && properties.demo()) {
            int loaded = DemoUniverse.load(new UniverseWriter(database.dsl(), clock));
            log.info("New database {}: loaded {} demo listings", location.display(), loaded);
        }
        return database;
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
    public TickerDetails tickerDetails(DSLContext dsl) {
        return new TickerDetails(dsl);
    }

    @Bean
    public TickerLookup tickerLookup(DSLContext dsl) {
        return new TickerLookup(dsl);
    }
}
