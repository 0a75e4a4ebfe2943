package io.spock.metadata.app;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread a command runs on. Its first interrupt (Ctrl-C through Spring Shell's SIGINT handler, or the SIGTERM
 * shutdown hook) stops the command the way the command chooses, usually after its current batch; further interrupts
 * only say that it is stopping, so that a second Ctrl-C out of habit cannot cut a clean stop short.
 */
final class CommandThread extends Thread {

    static final String STILL_STOPPING =
            "stopping: the command ends after the work in progress (Ctrl-C again does nothing more)";

    private final AtomicInteger interrupts = new AtomicInteger();
    private final PrintStream err;

    CommandThread(Runnable command, PrintStream err) {
        super(command, "spock-command");
        this.err = err;
    }

    @Override
    public void interrupt() {
        if (interrupts.getAndIncrement() == 0) {
            super.interrupt();
        } else {
            err.println(STILL_STOPPING);
        }
    }

    /** Whether the command was asked to stop. */
    boolean wasInterrupted() {
        return interrupts.get() > 0;
    }

    /** Runs the command and waits for it, whatever interrupts the waiting thread meanwhile. */
    boolean runToEnd() {
        start();
        boolean interrupted = false;
        while (isAlive()) {
            try {
                join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return wasInterrupted();
    }
}
