package io.spock.metadata.app.log;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.spock.metadata.app.Masking;

/**
 * {@code %maskedEx}: the stack trace of a log event with secrets masked, since exception messages carry URLs and
 * server answers too. {@code %maskedEx{false}} prints no stack trace at all: the console shows one line per failure
 * unless {@code --verbose}, and the trace goes to the log file only. Being a throwable converter, it also stops
 * logback from appending an unmasked trace of its own.
 */
public final class MaskedThrowableConverter extends ThrowableHandlingConverter {

    private final ThrowableProxyConverter traces = new ThrowableProxyConverter();
    private boolean enabled;

    @Override
    public void start() {
        enabled = !"false".equalsIgnoreCase(getFirstOption());
        traces.setContext(getContext());
        traces.start();
        super.start();
    }

    @Override
    public void stop() {
        traces.stop();
        super.stop();
    }

    @Override
    public String convert(ILoggingEvent event) {
        if (!enabled || event.getThrowableProxy() == null) {
            return "";
        }
        return Masking.text(traces.convert(event));
    }
}
