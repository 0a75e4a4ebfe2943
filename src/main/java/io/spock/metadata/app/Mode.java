package io.spock.metadata.app;

/** How the process was started. */
public enum Mode {
    /** No arguments and a terminal on stdin: the JLine shell. */
    INTERACTIVE,
    /** Arguments given: run that one command and exit with its status. */
    ONE_SHOT,
    /** No arguments and stdin is a pipe or file: run its lines one by one. */
    PIPED
}
