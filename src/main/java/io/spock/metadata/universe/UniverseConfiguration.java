package io.spock.metadata.universe;

import io.spock.metadata.kis.KisAccess;
import io.spock.metadata.kis.KisSettings;
import io.spock.metadata.app.CliEnvironment;
import io.spock.metadata.app.Settings;
import io.spock.metadata.app.SpockProperties;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.store.Database;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans that bring listings into the store and take them out: master files, CSV, and the KIS REST client. */
@Configuration(proxyBeanMethods = false)
public class UniverseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UniverseConfiguration.class);

    /**
     * Loads the demo universe into a store this start created, unless {@code SPOCK_DEMO=false}. A singleton, so it
     * runs while the application starts, before any command; {@code spock.demo} is read only then.
     */
    @Bean
    public DemoSeed demoSeed(Database database, Settings settings, Clock clock) {
        if (database.created() && settings.value("spock.demo", Boolean.class, true)) {
            int loaded = DemoUniverse.load(new UniverseWriter(database.dsl(), clock));
            log.info("New database {}: loaded {} demo listings", database.location().display(), loaded);
            return new DemoSeed(loaded);
        }
        return new DemoSeed(0);
    }

    /** How many demo listings this start loaded (0 when the store already existed or the demo is off). */
    public record DemoSeed(int loaded) {
    }

    @Bean
    public MasterImportService masterImportService(DSLContext dsl, Clock clock, KisAccess kis) {
        return new MasterImportService(new MasterImporter(dsl, clock), new KisMasterReader(), kis::downloader);
    }

    @Bean
    public CsvUniverseImport csvUniverseImport(DSLContext dsl, ObjectProvider<GicsTaxonomy> gics, Clock clock) {
        return new CsvUniverseImport(dsl, gics::getObject, clock);
    }

    @Bean
    public CsvUniverseExport csvUniverseExport(DSLContext dsl) {
        return new CsvUniverseExport(dsl);
    }

    @Bean
    public KisAccess kisAccess(CliEnvironment environment, SpockProperties properties, Settings settings) {
        return new KisAccess(environment.variables(), properties.home(),
                () -> settings.bind(KisSettings.PREFIX, KisSettings.class));
    }
}
