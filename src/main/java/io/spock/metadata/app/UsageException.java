package io.spock.metadata.app;

/** Invalid input or usage: exit status 2. */
public class UsageException extends SpockException {
    public UsageException(String message) {
        super(ExitCodes.USAGE, message);
    }
}
