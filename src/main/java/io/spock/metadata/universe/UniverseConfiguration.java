package io.spock.metadata.universe;

import io.spock.metadata.app.CliEnvironment;
import io.spock.metadata.app.SpockProperties;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.kis.KisMasterDownloader;
import io.spock.metadata.kis.KisMasterReader;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans that bring listings into the store and take them out: master files, CSV, and the KIS REST client. */
@Configuration(proxyBeanMethods = false)
public class UniverseConfiguration {

    @Bean
    public MasterImportService masterImportService(DSLContext dsl, Clock clock, KisSettings kis) {
        return new MasterImportService(new MasterImporter(dsl, clock), new KisMasterReader(),
                new KisMasterDownloader(kis.masterUrl()));
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
    public KisAccess kisAccess(CliEnvironment environment, SpockProperties properties, KisSettings kis) {
        return new KisAccess(environment.variables(), properties.home(), kis);
    }
}
