package io.spock.metadata.bulk;

/**
 * A downloaded list that cannot be read as its documented shape: wrong headers, HTML instead of JSON, a truncated
 * workbook. The message is the reason, in one line, without the list's name (the caller adds it).
 */
public class ListFormatException extends RuntimeException {
    public ListFormatException(String reason) {
        super(reason);
    }

    public ListFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
