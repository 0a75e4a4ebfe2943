package io.spock.metadata.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.RegionStatus;
import io.spock.metadata.store.ReviewQuery;
import io.spock.metadata.store.StatusQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The universe's coverage as the store holds it, the figures of {@code coverage-report} and {@code review}:
 * {@code spock_coverage_classified_ratio{region}} (classified share of the listed tickers, 0–1),
 * {@code spock_coverage_tickers{region,source}} (listed tickers per deciding source) and
 * {@code spock_review_queue_tickers{region}}. Read again each time an enrichment run publishes, for every region
 * that has listed tickers.
 */
public final class CoverageMetrics {

    private static final Logger log = LoggerFactory.getLogger(CoverageMetrics.class);

    private final StatusQuery status;
    private final ReviewQuery review;
    private final Clock clock;
    private final Gauge classifiedRatio;
    private final Gauge bySource;
    private final Gauge reviewQueue;
    /** Source keys seen so far: a source that no longer decides any ticker of a region drops to 0. */
    private final Set<String> sources = new HashSet<>();

    public CoverageMetrics(PrometheusRegistry registry, StatusQuery status, ReviewQuery review, Clock clock) {
        this.status = status;
        this.review = review;
        this.clock = clock;
        classifiedRatio = Gauge.builder().name("spock_coverage_classified_ratio")
                .help("Share (0-1) of the region's listed tickers that have a GICS sector, as coverage-report shows")
                .labelNames("region").register(registry);
        bySource = Gauge.builder().name("spock_coverage_tickers")
                .help("Listed tickers classified, by the source that decided their sector (kis, yahoo, manual, ...)")
                .labelNames("region", "source").register(registry);
        reviewQueue = Gauge.builder().name("spock_review_queue_tickers")
                .help("Listed tickers in the review queue: sources disagree, low confidence only, or not found")
                .labelNames("region").register(registry);
    }

    /** Reads the counts of every region again; a store that cannot be read is logged and leaves the last figures. */
    public synchronized void refresh() {
        Set<Region> regions = EnumSet.allOf(Region.class);
        try {
            List<RegionStatus> counts = status.byRegion(regions, LocalDateTime.now(clock));
            Map<String, Integer> queued = review.countsByRegion(regions);
            counts.forEach(c -> set(c, queued.getOrDefault(c.region(), 0)));
        } catch (RuntimeException e) {
            log.warn("Cannot read the coverage for the metrics: {}", e.getMessage());
            log.debug("Coverage for the metrics", e);
        }
    }

    private void set(RegionStatus region, int queued) {
        String name = region.region();
        if (region.total() == 0) {
            classifiedRatio.remove(name);
            reviewQueue.remove(name);
            sources.forEach(source -> bySource.remove(name, source));
            return;
        }
        classifiedRatio.labelValues(name).set((double) region.classified() / region.total());
        reviewQueue.labelValues(name).set(queued);
        region.bySource().keySet().forEach(source -> sources.add(source.key()));
        Map<String, Integer> counts = new HashMap<>();
        region.bySource().forEach((source, n) -> counts.put(source.key(), n));
        sources.forEach(source -> bySource.labelValues(name, source).set(counts.getOrDefault(source, 0)));
    }
}
