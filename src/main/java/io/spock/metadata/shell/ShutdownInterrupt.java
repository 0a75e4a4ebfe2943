package io.spock.metadata.shell;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One-shot mode's Ctrl-C: a JVM shutdown hook (SIGINT, SIGTERM) interrupts the thread running the batch and
 * holds the exit until that thread has recorded where it stopped (or the grace period ends). The interactive
 * shell needs none: Spring Shell interrupts the command thread itself.
 */
final class ShutdownInterrupt implements AutoCloseable {

    static final long GRACE_SECONDS = 90;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownInterrupt(Thread runThread) {
        hook = new Thread(() -> {
            runThread.interrupt();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spock-shutdown");
    }

    /** Guards the calling thread until {@link #close()}. */
    static ShutdownInterrupt guardCurrentThread() {
        ShutdownInterrupt guard = new ShutdownInterrupt(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it lets the JVM exit now that the run is recorded
        }
    }
}
