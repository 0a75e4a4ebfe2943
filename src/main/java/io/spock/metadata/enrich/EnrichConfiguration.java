package io.spock.metadata.enrich;

import io.spock.metadata.app.SpockProperties;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSession;
import io.spock.metadata.yahoo.YahooSettings;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Clock;
import java.util.Optional;
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
    public YahooSession yahooSession(YahooProperties yahoo, ObjectProvider<YahooRequestListener> listener) {
        return new YahooSession(settings(yahoo), listener.getIfAvailable(() -> YahooRequestListener.NO_OP));
    }

    @Bean
    @Lazy
    public YahooProfileService yahooProfileService(YahooSession session, YahooProperties yahoo,
                                                   ObjectProvider<YahooRequestListener> listener) {
        return YahooProfileService.create(session, settings(yahoo),
                listener.getIfAvailable(() -> YahooRequestListener.NO_OP));
    }

    @Bean(destroyMethod = "shutdownNow")
    @Lazy
    public ExecutorService yahooPool(YahooProperties yahoo) {
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
                                               YahooProfileService yahoo, ExecutorService yahooPool, Clock clock) {
        return PipelineFactory.builder(dsl).configDir(properties.configDir()).gics(gics).kisMapping(kis)
                .yahooMapping(yahooMapping).yahoo(yahoo).perTickerPool(yahooPool).clock(clock).build();
    }

    @Bean
    @Lazy
    public EvidenceQuery evidenceQuery(DSLContext dsl, GicsTaxonomy gics, Clock clock) {
        return new EvidenceQuery(dsl, gics, clock.getZone());
    }

    static YahooSettings settings(YahooProperties p) {
        YahooSettings defaults = YahooSettings.defaults();
        return defaults.withQueryBaseUrl(p.url())
                .withCookieUrl(p.cookieUrl())
                .withRate(p.rate(), p.burst())
                .withUserAgents(p.userAgents() == null || p.userAgents().isEmpty() ? defaults.userAgents()
                        : p.userAgents())
                .withSearch(p.search())
                .withTimeouts(p.connectTimeout(), p.requestTimeout())
                .withMaxInFlight(p.maxInFlight())
                .withRetry(new YahooSettings.Retry(p.retry().maxAttempts(), p.retry().initialDelay(),
                        p.retry().maxDelay(), p.retry().jitter(), p.retry().maxRetryAfter()))
                .withBreaker(new YahooSettings.Breaker(p.breaker().failures(), p.breaker().delay()))
                .withCache(new YahooSettings.Cache(p.cache().ttl(), p.cache().maxEntries()))
                .withHttpsProxy(Optional.ofNullable(System.getenv("HTTPS_PROXY"))
                        .or(() -> Optional.ofNullable(System.getenv("https_proxy"))).orElse(null));
    }
}
