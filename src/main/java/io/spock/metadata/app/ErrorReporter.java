package io.spock.metadata.app;

import org.springframework.beans.BeansException;
import org.springframework.core.convert.ConversionException;
import org.springframework.shell.ParameterValidationException;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandExecution;
import org.springframework.shell.command.CommandHandlingResult;

import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Turns every command failure into one line on stderr and an exit status: no stack trace unless verbose. In a piped
 * script the line names the script line ({@code error: line 7: unknown region 'MARS'}).
 */
public final class ErrorReporter implements CommandExceptionResolver {

    private final CliSession session;
    private final RunStatus status;
    private final UnaryOperator<String> printable;
    private volatile String where = "";

    /** @param printable makes a message safe for a terminal (outside text may hold escape sequences) */
    public ErrorReporter(CliSession session, RunStatus status, UnaryOperator<String> printable) {
        this.session = session;
        this.status = status;
        this.printable = printable;
    }

    /** Errors from now on name this script line; 0 stops naming one. */
    public void atLine(int line) {
        where = line > 0 ? "line " + line + ": " : "";
    }

    @Override
    public CommandHandlingResult resolve(Exception e) {
        report(e);
        return CommandHandlingResult.empty();
    }

    public void report(Throwable e) {
        Throwable cause = unwrap(e);
        int code = exitCode(cause);
        status.record(code);
        print(message(cause));
        if (session.verbose()) {
            cause.printStackTrace(session.streams().err());
        }
    }

    /** Reports a failure that is not an exception, such as an unknown command. */
    public void report(int code, String message) {
        status.record(code);
        print(message);
    }

    private void print(String message) {
        session.streams().err().println("error: " + where + printable.apply(message));
    }

    /** The operator-facing failure inside framework wrappers: our own exception if there is one. */
    private static Throwable unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SpockException) {
                return t;
            }
        }
        if (e instanceof BeansException) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root;
        }
        return e;
    }

    private static int exitCode(Throwable e) {
        if (e instanceof SpockException spock) {
            return spock.exitCode();
        }
        if (e instanceof CommandExecution.CommandParserExceptionsException
                || e instanceof ConversionException
                || e instanceof ParameterValidationException
                || e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.ERROR;
    }

    private static String message(Throwable e) {
        if (e instanceof CommandExecution.CommandParserExceptionsException parse) {
            return parse.getParserExceptions().stream().map(Throwable::getMessage).map(Messages::firstLine)
                    .distinct().collect(Collectors.joining("; "));
        }
        if (e instanceof ParameterValidationException invalid) {
            return invalid.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
        }
        if (e instanceof ConversionException conversion && conversion.getCause() != null) {
            return Messages.firstLine("invalid value: " + conversion.getCause().getMessage());
        }
        return Messages.of(e);
    }
}
