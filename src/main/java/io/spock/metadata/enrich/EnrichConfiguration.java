package io.spock.metadata.enrich;

import io.spock.metadata.app.SpockProperties;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the pipeline. Everything here is lazy: the mapping files are read, and a bad one reported, only by
 * the commands that need them, so {@code status} still works while an operator fixes a mapping.
 */
@Configuration(proxyBeanMethods = false)
public class EnrichConfiguration {

    static final String KIS_MAPPING_FILE = "kis_sector_to_gics_mapping.json";
    static final String YAHOO_MAPPING_FILE = "yahoo_sector_to_gics.json";

    @Bean
    @Lazy
    public GicsTaxonomy gicsTaxonomy() {
        return GicsTaxonomy.load();
    }

    @Bean
    @Lazy
    public KisSectorMapping kisSectorMapping(SpockProperties properties, GicsTaxonomy gics) {
        return KisSectorMapping.load(properties.configDir().resolve(KIS_MAPPING_FILE), gics);
    }

    @Bean
    @Lazy
    public YahooSectorMapping yahooSectorMapping(SpockProperties properties, GicsTaxonomy gics) {
        return YahooSectorMapping.load(properties.configDir().resolve(YAHOO_MAPPING_FILE), gics);
    }

    @Bean
    @Lazy
    public YahooProfileService yahooProfileService(YahooSettings yahoo,
                                                   ObjectProvider<YahooRequestListener> listener) {
        return YahooProfileService.create(yahoo, listener.getIfAvailable(() -> YahooRequestListener.NO_OP));
    }

    @Bean(destroyMethod = "shutdownNow")
    @Lazy
    public ExecutorService yahooPool(YahooSettings yahoo) {
        return Executors.newFixedThreadPool(yahoo.maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "yahoo");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    @Lazy
    public Classifier classifier(KisSectorMapping kis, YahooSectorMapping yahooMap) {
        return new Classifier(kis, yahooMap);
    }

    @Bean
    @Lazy
    public EnrichmentService enrichmentService(DSLContext dsl, Classifier classifier, YahooProfileService yahoo,
                                               ExecutorService yahooPool, Clock clock) {
        return new EnrichmentService(new CandidateQuery(dsl), new OutcomeWriter(dsl), new RunLog(dsl, clock),
                classifier, yahoo, yahooPool, clock);
    }
}
