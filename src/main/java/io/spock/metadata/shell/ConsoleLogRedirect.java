package io.spock.metadata.shell;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * While live progress bars are drawn, the console appender's lines go to a printer that puts them above the bars
 * (a log line written straight to stderr lands inside the bar being drawn). Same format, same threshold (the console
 * appender's own filters decide); the log file is untouched. Closing puts the console appender back.
 */
final class ConsoleLogRedirect implements AutoCloseable {

    private final Logger root;
    private final Appender<ILoggingEvent> console;
    private final Appender<ILoggingEvent> above;

    private ConsoleLogRedirect(Logger root, Appender<ILoggingEvent> console, Appender<ILoggingEvent> above) {
        this.root = root;
        this.console = console;
        this.above = above;
    }

    /** Starts redirecting; does nothing when logging is not Logback's with a {@code CONSOLE} appender. */
    static ConsoleLogRedirect to(Consumer<String> printAbove) {
        if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)
                || !(root.getAppender(ConsoleVerbosity.CONSOLE_APPENDER) instanceof OutputStreamAppender<ILoggingEvent> console)
                || !(console.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> encoder)) {
            return new ConsoleLogRedirect(null, null, null);
        }
        AppenderBase<ILoggingEvent> above = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (console.getFilterChainDecision(event) != FilterReply.DENY) {
                    printAbove.accept(encoder.getLayout().doLayout(event).stripTrailing());
                }
            }
        };
        above.setContext(root.getLoggerContext());
        above.setName("CONSOLE_ABOVE_PROGRESS");
        above.start();
        root.addAppender(above);
        root.detachAppender(console);
        return new ConsoleLogRedirect(root, console, above);
    }

    @Override
    public void close() {
        if (root != null) {
            root.addAppender(console);
            root.detachAppender(above);
            above.stop();
        }
    }
}
