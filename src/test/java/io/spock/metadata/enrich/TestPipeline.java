package io.spock.metadata.enrich;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.YahooSectorMapping;
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
        return YahooSettings.builder()
                .server(baseUrl)
                .rate(rate, 1)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .retry(3, Duration.ofMillis(1), Duration.ofMillis(4))
                .build();
    }

    public static EnrichmentService service(Database db, YahooSettings settings, YahooRequestListener listener,
                                            ExecutorService yahooPool, Sleeper sleeper) {
        Path config = Path.of("config");
        GicsTaxonomy gics = GicsTaxonomy.load();
        Clock clock = Clock.systemUTC();
        return new EnrichmentService(new CandidateQuery(db.dsl()), new OutcomeWriter(db.dsl()),
                new RunLog(db.dsl(), clock),
                new Classifier(KisSectorMapping.load(config.resolve("kis_sector_to_gics_mapping.json"), gics),
                        YahooSectorMapping.load(config.resolve("yahoo_sector_to_gics.json"), gics)),
                YahooProfileService.create(settings, listener), yahooPool, clock, sleeper);
    }
}
