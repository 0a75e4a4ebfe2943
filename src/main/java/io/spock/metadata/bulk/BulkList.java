package io.spock.metadata.bulk;

import java.time.Duration;

/**
 * One bulk list a source keeps: its cache name, where it comes from, how old it may get, how to download it and
 * how to read it.
 *
 * @param name   cache name, lower case ({@code jpx}, {@code nasdaq-nyse}, {@code yahoo-screener-jp})
 * @param url    where it comes from, for the metadata and messages
 * @param maxAge a copy older than this is downloaded again (conditionally, when the server gave validators)
 * @param <T>    the parsed list
 */
public record BulkList<T>(String name, String url, Duration maxAge, Fetcher fetcher, Parser<T> parser) {

    /** Downloads the list; never throws for the server's trouble. */
    @FunctionalInterface
    public interface Fetcher {
        Download fetch(ListHttp.Conditional conditional);
    }

    /** Reads a downloaded copy. */
    public interface Parser<T> {
        /** @throws ListFormatException when the bytes are not the documented shape */
        T parse(byte[] data);

        /** The rows of a parsed list, for the metadata and the row-drop guard. */
        int rows(T parsed);
    }
}
