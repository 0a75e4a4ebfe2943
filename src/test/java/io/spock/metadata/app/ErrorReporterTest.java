package io.spock.metadata.app;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit statuses are honest: 2 for bad input only, 1 for everything else, our own bugs included. */
class ErrorReporterTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RunStatus status = new RunStatus();

    private ErrorReporter reporter(FailureDescriber... describers) {
        CliStreams streams = new CliStreams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new ErrorReporter(new CliSession(streams, Mode.ONE_SHOT, false, false), status, List.of(describers), m -> m);
    }

    @Test
    void anIllegalArgumentFromOurOwnCodeIsABugWithExitOne() {
        reporter().report(new IllegalArgumentException("maxWorkers must be 1 or more, not 0"));

        assertThat(status.current()).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: maxWorkers must be 1 or more, not 0\n");
    }

    @Test
    void badInputIsExitTwo() {
        reporter().report(new UsageException("unknown region 'EU'"));
        assertThat(status.current()).isEqualTo(ExitCodes.USAGE);

        status.reset();
        reporter().report(new ConversionFailedException(TypeDescriptor.valueOf(String.class),
                TypeDescriptor.valueOf(Integer.class), "thirty", new NumberFormatException("For input string")));
        assertThat(status.current()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aLowerPackageNamesItsOwnFailureAndMessagesAreMasked() {
        FailureDescriber store = failure -> Optional.of(new SpockException(ExitCodes.ERROR,
                "database is locked by another process (waited 30 s)"));

        reporter(store).report(new RuntimeException("SQLITE_BUSY"));
        reporter().report(new SpockException(ExitCodes.ERROR, "cannot reach jdbc:postgresql://bob:pw@db/x"));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "error: database is locked by another process (waited 30 s)\n"
                        + "error: cannot reach jdbc:postgresql://bob:****@db/x\n");
    }
}
