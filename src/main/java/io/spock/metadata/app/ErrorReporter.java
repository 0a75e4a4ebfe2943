package io.spock.metadata.app;

import org.springframework.beans.BeansException;
import org.springframework.core.convert.ConversionException;
import org.springframework.shell.ParameterValidationException;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandExecution;
import org.springframework.shell.command.CommandHandlingResult;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Turns every command failure into one line on stderr and an exit status: no stack trace unless verbose, secrets
 * masked ({@link Masking#text(String)}), outside text made safe for a terminal. In a piped script the line names the
 * script line ({@code error: line 7: unknown region 'MARS'}).
 *
 * <p>Exit status 2 is for bad input only: {@link UsageException} and its kinds, and Spring Shell's own parsing,
 * conversion and validation failures (its {@code help} refuses an unknown command with an
 * {@link IllegalArgumentException}). Anything else, an {@link IllegalArgumentException} thrown by our own code
 * included, is a bug or an environment failure: exit 1.
 */
public final class ErrorReporter implements CommandExceptionResolver {

    private static final String SPRING_SHELL = "org.springframework.shell.";

    private final CliSession session;
    private final RunStatus status;
    private final List<FailureDescriber> describers;
    private final UnaryOperator<String> printable;
    private volatile String where = "";

    public ErrorReporter(CliSession session, RunStatus status, UnaryOperator<String> printable) {
        this(session, status, List.of(), printable);
    }

    /**
     * @param describers name failures of lower packages, e.g. the store's lock timeout
     * @param printable  makes a message safe for a terminal (outside text may hold escape sequences)
     */
    public ErrorReporter(CliSession session, RunStatus status, List<FailureDescriber> describers,
                         UnaryOperator<String> printable) {
        this.session = session;
        this.status = status;
        this.describers = List.copyOf(describers);
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
        Throwable shown = cause instanceof SpockException ? cause : described(e).<Throwable>map(d -> d).orElse(cause);
        status.record(exitCode(shown));
        print(message(shown));
        if (session.verbose()) {
            session.streams().err().print(Messages.stackTrace(cause));
        }
    }

    /** Reports a failure that is not an exception, such as an unknown command. */
    public void report(int code, String message) {
        status.record(code);
        print(message);
    }

    private void print(String message) {
        session.streams().err().println("error: " + where + printable.apply(Masking.text(message)));
    }

    private Optional<SpockException> described(Throwable e) {
        return describers.stream().map(d -> d.describe(e)).flatMap(Optional::stream).findFirst();
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
                || e instanceof IllegalArgumentException && thrownByTheShell(e)) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.ERROR;
    }

    /** Whether the first frame outside the JDK is Spring Shell's, i.e. the shell refused what was typed. */
    private static boolean thrownByTheShell(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return type.startsWith(SPRING_SHELL);
            }
        }
        return false;
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
