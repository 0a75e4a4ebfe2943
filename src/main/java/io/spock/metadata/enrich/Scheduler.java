package io.spock.metadata.enrich;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task every so often on another thread (a run's heartbeat); injectable so that tests drive it by hand. */
@FunctionalInterface
public interface Scheduler {

    /** A real timer thread per task, a daemon, stopped when the task is cancelled. */
    Scheduler SYSTEM = (period, task) -> {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return timer::shutdown;
    };

    /**
     * Runs {@code task} every {@code period}, the first time one period from now, until the returned handle is
     * closed. The task must not throw.
     */
    Scheduled every(Duration period, Runnable task);

    /** A task's schedule; closing it stops the task (a run in progress finishes). */
    @FunctionalInterface
    interface Scheduled extends AutoCloseable {
        @Override
        void close();
    }
}
