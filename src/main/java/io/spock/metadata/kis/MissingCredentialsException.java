package io.spock.metadata.kis;

import io.spock.metadata.app.UsageException;

/** No KIS app key or secret in the environment or {@code .env}: a usage error (exit 2), told apart by its type. */
public final class MissingCredentialsException extends UsageException {

    public MissingCredentialsException() {
        super("KIS credentials missing: set KIS_APP_KEY and KIS_APP_SECRET");
    }
}
