package io.spock.metadata.shell;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code enrich --verbose} inside the shell: lowers the console appender's threshold (and the {@code io.spock}
 * loggers) to DEBUG for one command, then puts them back. Given to a one-shot command, {@code --verbose} has
 * already set DEBUG when the process started.
 */
final class ConsoleVerbosity implements AutoCloseable {

    static final String CONSOLE_APPENDER = "CONSOLE";
    private static final List<Level> LEVELS = List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);

    private final List<Runnable> restore = new ArrayList<>();

    private ConsoleVerbosity() {
    }

    static ConsoleVerbosity debug() {
        ConsoleVerbosity verbosity = new ConsoleVerbosity();
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            Appender<ILoggingEvent> console = root.getAppender(CONSOLE_APPENDER);
            if (console != null) {
                for (Filter<ILoggingEvent> filter : console.getCopyOfAttachedFiltersList()) {
                    if (filter instanceof ThresholdFilter threshold) {
                        Level before = threshold(threshold);
                        threshold.setLevel(Level.DEBUG.levelStr);
                        verbosity.restore.add(() -> threshold.setLevel(before.levelStr));
                    }
                }
            }
            Logger spock = root.getLoggerContext().getLogger("io.spock");
            Level before = spock.getLevel();
            spock.setLevel(Level.DEBUG);
            verbosity.restore.add(() -> spock.setLevel(before));
        }
        return verbosity;
    }

    /** A ThresholdFilter keeps its level to itself: the lowest level it lets through is it. */
    private static Level threshold(ThresholdFilter filter) {
        for (Level level : LEVELS) {
            LoggingEvent probe = new LoggingEvent();
            probe.setLevel(level);
            if (filter.decide(probe) != FilterReply.DENY) {
                return level;
            }
        }
        return Level.OFF;
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}
