package io.spock.metadata.kis;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;

/** A master file that cannot be trusted as a whole (unreadable, not a single-entry zip, too many bad lines). */
public class MasterFileException extends SpockException {

    public MasterFileException(String message) {
        super(ExitCodes.USAGE, message);
    }
}
