package io.spock.metadata.app.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.spock.metadata.app.Masking;

/**
 * {@code %maskedMsg}: the log message with secrets masked ({@link Masking#text(String)}), the last line of defence
 * behind code that never logs cookies, crumbs, keys, tokens or passwords. {@code %maskedMsg{oneLine}} also joins the
 * lines of a multi-line message, for the console's one line per event.
 */
public final class MaskedMessageConverter extends ClassicConverter {

    private boolean oneLine;

    @Override
    public void start() {
        oneLine = "oneLine".equals(getFirstOption());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        String masked = Masking.text(event.getFormattedMessage());
        return oneLine && masked != null ? masked.replaceAll("\\s*\\R\\s*", " ") : masked;
    }
}
