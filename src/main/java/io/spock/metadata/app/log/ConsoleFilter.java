package io.spock.metadata.app.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the console to this program's own lines: events of library loggers (Spring, HikariCP, Flyway, JLine…) go to
 * the log file only, unless {@code --verbose}. Their failures reach the operator as the one {@code error:} line the
 * program prints for them, not as a second report with a stack trace.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {

    static final String OWN_LOGGERS = "io.spock.";

    private boolean verbose;

    public void setVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return verbose || event.getLoggerName().startsWith(OWN_LOGGERS) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
