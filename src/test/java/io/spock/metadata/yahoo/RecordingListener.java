package io.spock.metadata.yahoo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every listener call, in order. */
final class RecordingListener implements YahooRequestListener {

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> breakerStates = new CopyOnWriteArrayList<>();
    final List<Duration> retryDelays = new CopyOnWriteArrayList<>();

    @Override
    public void onRequest(String outcome) {
        requests.add(outcome);
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
