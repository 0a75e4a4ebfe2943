package io.spock.metadata.app;

/** Exit statuses, the same in interactive, one-shot and piped mode. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    /** A run that finished but left some tickers failed or deferred. */
    public static final int INCOMPLETE = 3;
    /** Stopped with Ctrl-C (SIGINT): 128 + 2, as shells report it. */
    public static final int INTERRUPTED = 130;
    /** Stopped with SIGTERM: 128 + 15, which the JVM itself exits with once the shutdown hooks are done. */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }

    /** The worse of two statuses: a stop by signal beats any error, any error beats incomplete, usage in between. */
    public static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case INCOMPLETE -> 1;
            case USAGE -> 2;
            case INTERRUPTED, TERMINATED -> 4;
            default -> 3;
        };
    }
}
