package io.spock.metadata.http;

/** Where a request to a rate-limited service takes its permit: called once per request, before it is sent. */
@FunctionalInterface
public interface RequestPermits {

    /**
     * Blocks until this request may be sent.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void acquire() throws InterruptedException;
}
