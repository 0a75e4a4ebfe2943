package io.spock.metadata.shell;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.spock.metadata.enrich.RegionSummary;
import io.spock.metadata.store.RunState;
import io.spock.metadata.store.Source;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Live progress bars on a dumb terminal (one-shot mode on a TTY): per ticker, ticking, clean, with logs above. */
class TerminalProgressTest {

    private final Screen screen = new Screen();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Terminal terminal;
    private Logger root;
    private Level rootLevel;
    private OutputStreamAppender<ILoggingEvent> consoleAppender;
    private Appender<ILoggingEvent> applicationConsole;

    @BeforeEach
    void setUp() throws Exception {
        terminal = TerminalBuilder.builder().system(false).dumb(true).type("dumb")
                .streams(new ByteArrayInputStream(new byte[0]), screen).build();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        applicationConsole = root.getAppender(ConsoleVerbosity.CONSOLE_APPENDER);
        if (applicationConsole != null) {
            root.detachAppender(applicationConsole);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{0} - %msg%n");
        encoder.start();
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel("INFO");
        threshold.start();
        consoleAppender = new OutputStreamAppender<>();
        consoleAppender.setContext(context);
        consoleAppender.setName(ConsoleVerbosity.CONSOLE_APPENDER);
        consoleAppender.setEncoder(encoder);
        consoleAppender.addFilter(threshold);
        consoleAppender.setOutputStream(console);
        consoleAppender.start();
        root.addAppender(consoleAppender);
    }

    @AfterEach
    void tearDown() throws Exception {
        root.detachAppender(consoleAppender);
        consoleAppender.stop();
        if (applicationConsole != null) {
            root.addAppender(applicationConsole);
        }
        root.setLevel(rootLevel);
        terminal.close();
    }

    private static RegionSummary completed(String region, int total) {
        return new RegionSummary(region, RunState.COMPLETED, total, total, Map.of(Source.KIS, total), 0, 0, 0, 0, 0, 0, 0,
                0, Duration.ofSeconds(1), null, List.of());
    }

    @Test
    void theBarAdvancesWithEveryTickerAnsweredNotEveryBatchWritten() {
        try (TerminalProgress progress = new TerminalProgress(terminal, 1.0)) {
            progress.regionStarted("US", 245);
            for (int i = 0; i < 81; i++) {
                progress.answered("US");
            }

            assertThat(progress.current("US")).isEqualTo(81);
        }
    }

    @Test
    void theBarIsRedrawnWhileNothingIsAnsweredSoItsElapsedTimeTicks() {
        try (TerminalProgress progress = new TerminalProgress(terminal, 1.0)) {
            progress.regionStarted("US", 245);
            progress.answered("US");

            screen.awaitDraws(4);
        }
    }

    @Test
    void logLinesGoAboveTheBarAndNeverIntoIt() {
        org.slf4j.Logger log = LoggerFactory.getLogger("io.spock.metadata.enrich.EnrichmentService");
        try (TerminalProgress progress = new TerminalProgress(terminal, 1.0)) {
            progress.regionStarted("US", 10);
            progress.answered("US");
            screen.awaitDraws(1);

            log.info("Region CN completed: 40 tickers");

            String shown = screen.toString();
            String logLine = shown.lines().filter(l -> l.contains("Region CN completed")).findFirst().orElseThrow();
            assertThat(logLine.substring(logLine.lastIndexOf('\r') + 1).strip())
                    .isEqualTo("INFO  EnrichmentService - Region CN completed: 40 tickers");
            assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        }
        log.info("after the bars");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("after the bars");
    }

    @Test
    void aFinishedRegionsBarEndsAsOneCleanLine() {
        try (TerminalProgress progress = new TerminalProgress(terminal, 1.0)) {
            progress.regionStarted("US", 10);
            for (int i = 0; i < 10; i++) {
                progress.answered("US");
            }
            progress.regionFinished(completed("US", 10));
        }

        List<String> lines = screen.toString().lines().filter(l -> !l.isBlank()).toList();
        String last = lines.get(lines.size() - 1);
        String finalDraw = last.substring(last.lastIndexOf('\r') + 1);
        assertThat(finalDraw).startsWith("US").contains("100%").contains("10/10").contains("completed");
    }

    @Test
    void theEtaOfTheYahooPhaseComesFromTheConfiguredRate() {
        YahooEta eta = new YahooEta(2.0);
        eta.started("US", 100, 50);

        assertThat(eta.remaining("US", 110)).contains(Duration.ofSeconds(20));
        eta.started("JP", 0, 10);
        assertThat(eta.remaining("US", 110)).as("two regions share the rate").contains(Duration.ofSeconds(40));
        eta.stopped("JP");
        eta.stopped("US");
        assertThat(eta.remaining("US", 110)).isEmpty();
    }

    /** What the terminal shows, counting bar draws (each starts with a carriage return). */
    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int draws;

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            if (b == '\r') {
                draws++;
                notifyAll();
            }
        }

        synchronized void awaitDraws(int count) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (draws < count) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                assertThat(left).as("only %d draws: %s", draws, this).isPositive();
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        @Override
        public synchronized String toString() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
