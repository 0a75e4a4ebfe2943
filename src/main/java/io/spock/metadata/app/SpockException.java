package io.spock.metadata.app;

/** An error the operator should see as one line, with the exit status it maps to. */
public class SpockException extends RuntimeException {
    private final int exitCode;

    public SpockException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SpockException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
