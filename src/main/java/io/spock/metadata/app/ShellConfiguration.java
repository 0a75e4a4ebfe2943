package io.spock.metadata.app;

import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.Parser;
import org.jline.terminal.Size;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.shell.Shell;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.PromptProvider;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Wires the shell around the CLI session: terminal, line parser, prompt, the command loop and exit statuses. */
@Configuration(proxyBeanMethods = false)
public class ShellConfiguration {

    /** Rows of a terminal whose size is not known (a test's). */
    private static final int DEFAULT_ROWS = 40;

    @Bean
    public RunStatus runStatus() {
        return new RunStatus();
    }

    /** Replaces Spring Shell's parser for typed lines, completion and scripts alike. */
    @Bean
    @Primary
    public Parser commandLineParser() {
        return new CommandLineParser();
    }

    /** Settings bound on first use, so that a bad one stops only the commands that need it. */
    @Bean
    public Settings settings(Environment environment) {
        return new Settings(environment);
    }

    @Bean
    public CommandRunner commandRunner(Shell shell, CommandCatalog catalog, RunStatus status, ErrorReporter errors,
                                       CliSession session) {
        return new CommandRunner(shell, catalog, status, errors, session);
    }

    @Bean
    public CommandLineDriver commandLineDriver(ShellContext shellContext, Parser parser, CommandRunner runner,
                                               ErrorReporter errors, CliSession session) {
        return new CommandLineDriver(shellContext, parser, runner, errors, session);
    }

    @Bean
    public InteractiveShell interactiveShell(LineReader reader, PromptProvider prompt, ShellContext shellContext,
                                             CommandRunner runner, RunStatus status) {
        return new InteractiveShell(reader, prompt, shellContext, runner, status);
    }

    /**
     * Outside the interactive shell, command output goes to the CLI's stdout and the terminal reads nothing.
     * An interactive session on streams other than the process's (a test's) gets an ANSI terminal on them, with the
     * line discipline of a real one (Ctrl-C raises SIGINT), of the width the streams say.
     */
    @Bean
    public TerminalCustomizer cliTerminal(CliSession session) {
        return builder -> {
            builder.encoding(StandardCharsets.UTF_8);
            if (!session.interactive()) {
                builder.system(false).dumb(true).type("dumb")
                        .streams(new ByteArrayInputStream(new byte[0]), session.streams().out());
            } else if (session.streams().in() != System.in) {
                builder.system(false).type("ansi").streams(session.streams().in(), session.streams().out());
                if (session.streams().columns() > 0) {
                    builder.size(new Size(session.streams().columns(), DEFAULT_ROWS));
                }
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
