package io.spock.metadata.enrich;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Scheduler} the test drives: scheduled tasks run when the test calls {@link #tick()}, on its thread. */
public final class ManualScheduler implements Scheduler {

    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();

    @Override
    public Scheduled every(Duration period, Runnable task) {
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    /** Runs every scheduled task once, as one period going by would. */
    public void tick() {
        tasks.forEach(Runnable::run);
    }

    /** How many tasks are scheduled now. */
    public int scheduled() {
        return tasks.size();
    }
}
