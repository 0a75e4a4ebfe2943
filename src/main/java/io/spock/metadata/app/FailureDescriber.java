package io.spock.metadata.app;

import java.util.Optional;

/**
 * Names a failure that a lower package understands better than the error reporter, such as the store's "database is
 * locked by another process": the package provides one as a bean, and the reporter asks it before falling back to the
 * exception's own message.
 */
@FunctionalInterface
public interface FailureDescriber {

    /** The operator's one-line error for this failure (or anything in its cause chain), if this describer knows it. */
    Optional<SpockException> describe(Throwable failure);
}
