package io.spock.metadata.shell;

import io.spock.metadata.app.CliSession;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;

/**
 * How many columns the screen that command output goes to has: the shell's terminal (followed as it is resized), or
 * in one-shot and piped mode the terminal on stdout; 0 for a pipe or a file, which get whole tables.
 */
public final class ScreenWidth {

    private final CliSession session;
    private final ObjectProvider<Terminal> terminal;

    public ScreenWidth(CliSession session, ObjectProvider<Terminal> terminal) {
        this.session = session;
        this.terminal = terminal;
    }

    /** Terminal columns, or 0 for no limit. */
    public int columns() {
        if (session.interactive()) {
            return Math.max(0, terminal.getObject().getWidth());
        }
        return session.streams().columns();
    }
}
