package io.spock.metadata.enrich;

import io.spock.metadata.store.Database;
import io.spock.metadata.yahoo.YahooProfileService;
import io.spock.metadata.yahoo.YahooRequestListener;
import io.spock.metadata.yahoo.YahooSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** The enrichment service built directly on a test store and a WireMock Yahoo, with fast Yahoo retries. */
public final class TestPipeline {

    private TestPipeline() {
    }

    public static YahooSettings yahooSettings(String baseUrl, double rate) {
        return YahooSettings.defaults()
                .withQueryBaseUrl(URI.create(baseUrl))
                .withCookieUrl(URI.create(baseUrl + "/cookie"))
                .withRate(rate, 1)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetry(new YahooSettings.Retry(3, Duration.ofMillis(1), Duration.ofMillis(4), 0.0,
                        Duration.ofSeconds(5)));
    }

    public static EnrichmentService service(Database db, YahooSettings settings, YahooRequestListener listener,
                                            ExecutorService yahooPool, Sleeper sleeper) {
        return builder(db, settings, listener, yahooPool, sleeper).build();
    }

    /** The factory with the project's config folder and a test Yahoo, for tests that add to it. */
    public static PipelineFactory builder(Database db, YahooSettings settings, YahooRequestListener listener,
                                          ExecutorService yahooPool, Sleeper sleeper) {
        return PipelineFactory.builder(db.dsl()).configDir(Path.of("config")).clock(Clock.systemUTC())
                .yahoo(YahooProfileService.create(settings, listener)).perTickerPool(yahooPool).sleeper(sleeper);
    }
}
