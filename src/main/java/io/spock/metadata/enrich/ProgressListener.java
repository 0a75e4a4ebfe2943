package io.spock.metadata.enrich;

/** Hears how far each region has got; the shell draws progress bars from it. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() { };

    default void regionStarted(String region, int total) {
    }

    default void advanced(String region, int done) {
    }

    default void regionFinished(String region) {
    }
}
