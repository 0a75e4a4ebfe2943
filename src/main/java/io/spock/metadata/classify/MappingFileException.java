package io.spock.metadata.classify;

import io.spock.metadata.app.UsageException;

/** A mapping or taxonomy file an operator must fix; the message names the file and line. */
public class MappingFileException extends UsageException {
    public MappingFileException(String message) {
        super(message);
    }
}
