package io.spock.metadata.enrich;

import io.spock.metadata.app.SpockProperties;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.http.SharedBudget;
import io.spock.metadata.store.InstanceSettings;
import io.spock.metadata.store.RequestBudgets;
import io.spock.metadata.store.Source;
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
 * Wires the pipeline through {@link PipelineFactory}. Everything here is lazy: the mapping and policy files are
 * read, and a bad one reported, only by the commands that need them, so {@code status} still works while an
 * operator fixes a file.
 */
@Configuration(proxyBeanMethods = false)
public class EnrichConfiguration {

    @Bean
    @Lazy
    public GicsTaxonomy gicsTaxonomy() {
        return GicsTaxonomy.load();
    }

    @Bean
    @Lazy
    public KisSectorMapping kisSectorMapping(SpockProperties properties, GicsTaxonomy gics) {
        return KisSectorMapping.load(properties.configDir().resolve(PipelineFactory.KIS_MAPPING_FILE), gics);
    }

    @Bean
    @Lazy
    public YahooSectorMapping yahooSectorMapping(SpockProperties properties, GicsTaxonomy gics) {
        return YahooSectorMapping.load(properties.configDir().resolve(PipelineFactory.YAHOO_MAPPING_FILE), gics);
    }

    /** Yahoo's rate is one budget for every process on the store. */
    @Bean
    @Lazy
    public YahooProfileService yahooProfileService(YahooSettings yahoo, InstanceSettings instances, DSLContext dsl,
                                                   ObjectProvider<YahooRequestListener> listener) {
        return YahooProfileService.create(yahoo, listener.getIfAvailable(() -> YahooRequestListener.NO_OP),
                new SharedBudget(new RequestBudgets(dsl).ledger(RequestBudgets.YAHOO), instances.budgetBlock()));
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
    public EnrichmentService enrichmentService(DSLContext dsl, SpockProperties properties, GicsTaxonomy gics,
                                               KisSectorMapping kis, YahooSectorMapping yahooMapping,
                                               YahooProfileService yahoo, YahooSettings yahooSettings,
                                               ExecutorService yahooPool, InstanceSettings instances, Clock clock) {
        return PipelineFactory.builder(dsl).configDir(properties.configDir()).gics(gics).kisMapping(kis)
                .yahooMapping(yahooMapping).yahoo(yahoo).perTickerPool(yahooPool).clock(clock).instances(instances)
                .storedAnswers(Source.YAHOO, yahooSettings.cache().ttl()).build();
    }

    @Bean
    @Lazy
    public EvidenceQuery evidenceQuery(DSLContext dsl, GicsTaxonomy gics, Clock clock) {
        return new EvidenceQuery(dsl, gics, clock.getZone());
    }
}
