package io.spock.metadata.kis;

/** A master-file line that was skipped, with a 1-based line number and why. */
public record MalformedLine(String file, int lineNumber, String reason) {

    @Override
    public String toString() {
        return file + " line " + lineNumber + ": " + reason;
    }
}
