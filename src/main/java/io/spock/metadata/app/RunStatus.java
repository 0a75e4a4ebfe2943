package io.spock.metadata.app;

/** The exit status of the command that is running: commands and the error resolver record into it. */
public final class RunStatus {

    private volatile int status = ExitCodes.OK;

    public synchronized void record(int code) {
        status = ExitCodes.worst(status, code);
    }

    public int current() {
        return status;
    }

    public void reset() {
        status = ExitCodes.OK;
    }
}
