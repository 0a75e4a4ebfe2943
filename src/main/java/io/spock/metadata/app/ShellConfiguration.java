package io.spock.metadata.app;

import org.jline.reader.History;
import org.jline.reader.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.shell.Shell;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.PromptProvider;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Wires the shell around the CLI session: terminal, prompt, exit statuses and one-line errors. */
@Configuration(proxyBeanMethods = false)
public class ShellConfiguration {

    @Bean
    public RunStatus runStatus() {
        return new RunStatus();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public ErrorReporter errorReporter(CliSession session, RunStatus status,
                                       ObjectProvider<FailureDescriber> describers) {
        return new ErrorReporter(session, status, describers.orderedStream().toList());
    }

    /** Settings bound on first use, so that a bad one stops only the commands that need it. */
    @Bean
    public Settings settings(Environment environment) {
        return new Settings(environment);
    }

    @Bean
    public CommandLineDriver commandLineDriver(Shell shell, ShellContext shellContext, CommandCatalog catalog,
                                               Parser parser, RunStatus status, ErrorReporter errors,
                                               CliSession session) {
        return new CommandLineDriver(shell, shellContext, catalog, parser, status, errors, session);
    }

    /**
     * Outside the interactive shell, command output goes to the CLI's stdout and the terminal reads nothing.
     * An interactive session on streams other than the process's (a test's) gets a dumb terminal on them.
     */
    @Bean
    public TerminalCustomizer cliTerminal(CliSession session) {
        return builder -> {
            builder.encoding(StandardCharsets.UTF_8);
            if (!session.interactive()) {
                builder.system(false).dumb(true).type("dumb")
                        .streams(new ByteArrayInputStream(new byte[0]), session.streams().out());
            } else if (session.streams().in() != System.in) {
                builder.system(false).dumb(true).type("dumb")
                        .streams(session.streams().in(), session.streams().out());
            }
        };
    }

    /** The shell history, owner-only and without credentials. */
    @Bean
    public History history() {
        return new PrivateHistory();
    }

    @Bean
    public PromptProvider spockPrompt() {
        return () -> new AttributedString("spock:> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
