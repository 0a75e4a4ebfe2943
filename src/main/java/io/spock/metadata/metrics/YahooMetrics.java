package io.spock.metadata.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spock.metadata.yahoo.YahooEndpoint;
import io.spock.metadata.yahoo.YahooRequestListener;

import java.util.List;
import java.util.Map;

/** Yahoo Finance requests by endpoint and outcome and the circuit breaker's state, from the Yahoo client's hook. */
public final class YahooMetrics implements YahooRequestListener {

    /**
     * The request outcomes, as {@link YahooRequestListener} names them: each series exists from the start at 0, so
     * that a push replaces last run's figures even for outcomes this run never saw.
     */
    static final List<String> OUTCOMES = List.of("ok", "no_sector", "no_match", "not_found", "invalid_crumb",
            "rate_limited", "server_error", "transient", "blocked", "rejected");

    /** Gauge values of the breaker states. */
    static final Map<String, Double> BREAKER_STATES = Map.of("closed", 0.0, "half_open", 1.0, "open", 2.0);

    private final Counter requests;
    private final Gauge breakerState;

    public YahooMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("spock_yahoo_requests_total")
                .help("HTTP requests sent to Yahoo Finance, by endpoint (cookie, crumb, consent, search, quoteSummary,"
                        + " screener) and outcome")
                .labelNames("endpoint", "outcome").register(registry);
        for (YahooEndpoint endpoint : YahooEndpoint.values()) {
            OUTCOMES.forEach(outcome -> requests.initLabelValues(endpoint.key(), outcome));
        }
        breakerState = Gauge.builder().name("spock_yahoo_circuit_breaker_state")
                .help("Yahoo Finance circuit breaker: 0 closed, 1 half open, 2 open")
                .register(registry);
        breakerState.set(BREAKER_STATES.get("closed"));
    }

    @Override
    public void onRequest(YahooEndpoint endpoint, String outcome) {
        requests.labelValues(endpoint.key(), outcome).inc();
    }

    @Override
    public void onBreakerStateChange(String state) {
        breakerState.set(BREAKER_STATES.getOrDefault(state, -1.0));
    }
}
