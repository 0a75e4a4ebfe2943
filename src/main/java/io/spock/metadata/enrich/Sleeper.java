package io.spock.metadata.enrich;

import java.time.Duration;

/** Waits between region retries; injectable so that tests never sleep. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = delay -> Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);

    void sleep(Duration delay) throws InterruptedException;
}
