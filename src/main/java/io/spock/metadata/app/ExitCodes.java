package io.spock.metadata.app;

/** Exit statuses, the same in interactive, one-shot and piped mode. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    /** A run that finished but left some tickers failed or deferred. */
    public static final int INCOMPLETE = 3;

    private ExitCodes() {
    }

    /** The worse of two statuses: any error beats incomplete, and usage errors sit between. */
    public static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case INCOMPLETE -> 1;
            case USAGE -> 2;
            default -> 3;
        };
    }
}
