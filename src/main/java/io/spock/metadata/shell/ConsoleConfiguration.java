package io.spock.metadata.shell;

import io.spock.metadata.app.CliSession;
import io.spock.metadata.app.ErrorReporter;
import io.spock.metadata.app.FailureDescriber;
import io.spock.metadata.app.RunStatus;
import io.spock.metadata.render.TerminalText;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** What commands print through: the error line (made safe for the terminal) and the screen's width. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public ErrorReporter errorReporter(CliSession session, RunStatus status,
                                       ObjectProvider<FailureDescriber> describers) {
        return new ErrorReporter(session, status, describers.orderedStream().toList(), TerminalText::clean);
    }

    @Bean
    public ScreenWidth screenWidth(CliSession session, ObjectProvider<Terminal> terminal) {
        return new ScreenWidth(session, terminal);
    }
}
