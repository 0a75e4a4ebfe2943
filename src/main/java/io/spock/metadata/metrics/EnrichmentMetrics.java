package io.spock.metadata.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.store.Source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enrichment series of a (non-dry) run. Classified tickers and the tickers still due move per committed batch,
 * so that a scrape in the middle of a long region sees progress; the rest is counted as each region finishes.
 */
public final class EnrichmentMetrics implements ProgressListener {

    private final Counter regionsProcessed;
    private final Counter stocksEnriched;
    private final Counter stocksUnresolved;
    private final Histogram duration;
    private final Gauge successRate;
    private final Counter retryAttempts;
    private final Gauge tickersDue;
    /** Tickers committed per region in the current run, kept across the region's retries. */
    private final Map<String, Integer> committed = new ConcurrentHashMap<>();

    public EnrichmentMetrics(PrometheusRegistry registry) {
        regionsProcessed = Counter.builder().name("spock_enrichment_regions_processed_total")
                .help("Regions processed by enrichment runs, by final status (COMPLETED, FAILED, INTERRUPTED)")
                .labelNames("region", "status").register(registry);
        stocksEnriched = Counter.builder().name("spock_enrichment_stocks_enriched_total")
                .help("Tickers classified by enrichment runs, by source of the sector (kis, yahoo, parent, ...), "
                        + "counted per committed batch")
                .labelNames("region", "source").register(registry);
        stocksUnresolved = Counter.builder().name("spock_enrichment_stocks_unresolved_total")
                .help("Tickers enrichment runs left without a sector, by status: not_found (an answer: no source has "
                        + "a sector), failed, deferred")
                .labelNames("region", "status").register(registry);
        duration = Histogram.builder().name("spock_enrichment_duration_seconds")
                .help("Wall time of a region's enrichment")
                .labelNames("region").classicOnly()
                .classicUpperBounds(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200).register(registry);
        successRate = Gauge.builder().name("spock_enrichment_success_rate")
                .help("Share (0-1) of the region's tickers left with an answer by the last run")
                .labelNames("region").register(registry);
        retryAttempts = Counter.builder().name("spock_enrichment_retry_attempts_total")
                .help("Retries made for a region: Yahoo lookups tried again plus region-level retries")
                .labelNames("region").register(registry);
        tickersDue = Gauge.builder().name("spock_enrichment_tickers_due")
                .help("Tickers the run has still to enrich in the region: due at its start minus those committed "
                        + "(0 once the region completed)")
                .labelNames("region").register(registry);
    }

    @Override
    public void regionStarted(String region, int total) {
        tickersDue.labelValues(region).set(total - committed.getOrDefault(region, 0));
    }

    @Override
    public void advanced(String region, int done) {
        committed.merge(region, done, Integer::sum);
        tickersDue.labelValues(region).dec(done);
    }

    @Override
    public void batchCommitted(String region, Map<Source, Integer> classifiedBySource) {
        classifiedBySource.forEach((source, count) -> stocksEnriched.labelValues(region, source.key()).inc(count));
    }

    @Override
    public void regionFinished(RegionSummary summary) {
        String region = summary.region();
        committed.remove(region);
        regionsProcessed.labelValues(region, summary.status().name()).inc();
        // every enabled source gets its series, at 0 when it classified nothing
        summary.bySourceKeys().keySet().forEach(source -> stocksEnriched.initLabelValues(region, source));
        stocksUnresolved.labelValues(region, "not_found").inc(summary.notFound());
        stocksUnresolved.labelValues(region, "failed").inc(summary.failed());
        stocksUnresolved.labelValues(region, "deferred").inc(summary.deferred());
        duration.labelValues(region).observe(summary.duration().toNanos() / 1e9);
        if (summary.successRate() != null) {
            successRate.labelValues(region).set(summary.successRate() / 100.0);
        }
        retryAttempts.labelValues(region).inc(summary.allRetries());
    }
}
