package io.spock.metadata.http;

/**
 * Makes the permits of one client: either this process's own token bucket ({@link #LOCAL}), or that bucket inside a
 * budget shared with every other process that uses the same store ({@link SharedBudget}).
 */
@FunctionalInterface
public interface RateBudget {

    /** This process alone: a token bucket. */
    RateBudget LOCAL = TokenBucket::new;

    /**
     * @param permitsPerSecond the pace of the client's requests
     * @param burst            requests that may start back to back before the pace applies, within this process
     * @param time             the clock the waits are measured and slept on
     */
    RequestPermits permits(double permitsPerSecond, int burst, TimeSource time);
}
