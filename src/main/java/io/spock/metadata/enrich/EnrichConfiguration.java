package io.spock.metadata.enrich;

import io.spock.metadata.app.Settings;
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
import io.spock.metadata.yahoo.YahooSession;
import io.spock.metadata.yahoo.YahooSettings;
import io.spock.metadata.source.SourcePolicy;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.SourceShares;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.nio.file.Path;
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

    /** The one Yahoo session (cookie, crumb, User-Agent) of the process, for every Yahoo client that needs it. */
    @Bean
    @Lazy
    public YahooSession yahooSession(YahooSettings yahoo, ObjectProvider<YahooRequestListener> listener) {
        return new YahooSession(yahoo, listener.getIfAvailable(() -> YahooRequestListener.NO_OP));
    }

    /** Yahoo's rate is one budget for every process on the store. */
    @Bean
    @Lazy
    public YahooProfileService yahooProfileService(YahooSession session, YahooSettings yahoo,
                                                   InstanceSettings instances, DSLContext dsl,
                                                   ObjectProvider<YahooRequestListener> listener) {
        return YahooProfileService.create(session, yahoo, listener.getIfAvailable(() -> YahooRequestListener.NO_OP),
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
                                               ExecutorService yahooPool, InstanceSettings instances, Clock clock,
                                               BulkSources bulk) {
        return PipelineFactory.builder(dsl).configDir(properties.configDir()).gics(gics).kisMapping(kis)
                .yahooMapping(yahooMapping).yahoo(yahoo).perTickerPool(yahooPool).clock(clock).bulk(bulk)
                .instances(instances).storedAnswers(Source.YAHOO, yahooSettings.cache().ttl()).build();
    }

    /** The bulk sources' settings, bound when a command first needs them (a bad one stops only those commands). */
    @Bean
    @Lazy
    public SourcesProperties sourcesProperties(Settings settings) {
        return settings.bind("spock.sources", SourcesProperties.class);
    }

    @Bean
    @Lazy
    public BulkSources bulkSources(SourcesProperties sources, SpockProperties properties, Database database,
                                   GicsTaxonomy gics, Clock clock, YahooProfileService yahoo,
                                   YahooSectorMapping yahooMapping) {
        return new BulkSources(sources, cacheDir(properties, database), properties.configDir(), gics, clock)
                .yahoo(yahoo, yahooMapping);
    }

    @Bean
    @Lazy
    public SourcesOverview sourcesOverview(BulkSources bulk, SpockProperties properties, SourceShares shares,
                                           Clock clock) {
        return new SourcesOverview(bulk, properties.configDir().resolve(SourcePolicy.FILE), shares, clock);
    }

    @Bean
    public SourceShares sourceShares(DSLContext dsl) {
        return new SourceShares(dsl);
    }

    /** The bulk lists' cache folder: beside a SQLite database ({@code db/cache}), else {@code <home>/cache}. */
    static Path cacheDir(SpockProperties properties, Database database) {
        Path file = database.location().file();
        return file != null && file.getParent() != null ? file.getParent().resolve("cache")
                : properties.home().resolve("cache");
    }

    @Bean
    @Lazy
    public EvidenceQuery evidenceQuery(DSLContext dsl, GicsTaxonomy gics, Clock clock) {
        return new EvidenceQuery(dsl, gics, clock.getZone());
    }
}
