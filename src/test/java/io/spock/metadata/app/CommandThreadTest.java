package io.spock.metadata.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C during a command: the first press stops it, later presses only say that it is stopping. */
class CommandThreadTest {

    @Test
    void onlyTheFirstInterruptReachesTheCommandLaterOnesSayItIsStopping() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch pressedAgain = new CountDownLatch(1);
        AtomicInteger interruptsSeen = new AtomicInteger();
        CommandThread thread = new CommandThread(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException first) {
                interruptsSeen.incrementAndGet();
            }
            try {
                pressedAgain.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException second) {
                interruptsSeen.incrementAndGet();
            }
            if (Thread.currentThread().isInterrupted()) {
                interruptsSeen.incrementAndGet();
            }
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        thread.start();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        thread.interrupt();
        thread.interrupt();
        thread.interrupt();
        pressedAgain.countDown();
        thread.join(30_000);

        assertThat(interruptsSeen).hasValue(1);
        assertThat(thread.wasInterrupted()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(2).allMatch(CommandThread.STILL_STOPPING::equals);
    }

    @Test
    void aCommandThatRanToTheEndWasNotInterrupted() {
        CommandThread thread = new CommandThread(() -> { }, new PrintStream(new ByteArrayOutputStream()));

        assertThat(thread.runToEnd()).isFalse();
    }
}
