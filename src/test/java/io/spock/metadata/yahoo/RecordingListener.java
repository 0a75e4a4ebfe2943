package io.spock.metadata.yahoo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every listener call, in order. */
final class RecordingListener implements YahooRequestListener {

    /** Each request's outcome label. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Each request as {@code endpoint:outcome}. */
    final List<String> exchanges = new CopyOnWriteArrayList<>();
    final List<String> breakerStates = new CopyOnWriteArrayList<>();
    final List<Duration> retryDelays = new CopyOnWriteArrayList<>();

    @Override
    public void onRequest(YahooEndpoint endpoint, String outcome) {
        requests.add(outcome);
        exchanges.add(endpoint.key() + ":" + outcome);
    }

    @Override
    public void onBreakerStateChange(String state) {
        breakerStates.add(state);
    }

    @Override
    public void onRetryScheduled(Duration delay, String reason) {
        retryDelays.add(delay);
    }
}
