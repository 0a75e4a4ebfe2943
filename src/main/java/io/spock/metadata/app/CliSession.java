package io.spock.metadata.app;

/**
 * What the launcher decided for this process: its streams, mode and global flags.
 *
 * @param verbose show stack traces and DEBUG logs
 * @param bail    in piped mode, stop at the first failing line
 */
public record CliSession(CliStreams streams, Mode mode, boolean verbose, boolean bail) {

    public boolean interactive() {
        return mode == Mode.INTERACTIVE;
    }
}
