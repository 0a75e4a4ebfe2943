package io.spock.metadata.bulk;

import java.time.Instant;

/**
 * What the cache knows about one bulk list: the metadata file beside the copy ({@code <name>.meta.json}).
 *
 * @param url          where the kept copy came from
 * @param fetchedAt    when the kept copy was downloaded; null when there is no good copy yet
 * @param checkedAt    when the kept copy was last confirmed current (downloaded, or a 304 Not Modified)
 * @param etag         the server's {@code ETag} for the kept copy, for {@code If-None-Match}; null if none
 * @param lastModified the server's {@code Last-Modified}, for {@code If-Modified-Since}; null if none
 * @param sha256       hex SHA-256 of the kept copy
 * @param rows         rows the kept copy holds, as its parser counted them (the row-drop guard's reference)
 * @param bytes        size of the kept copy
 * @param lastError    the last refresh's problem in one line, null when it went well
 * @param lastErrorAt  when that problem happened
 */
public record ListMeta(String url, Instant fetchedAt, Instant checkedAt, String etag, String lastModified,
                       String sha256, int rows, long bytes, String lastError, Instant lastErrorAt) {

    /** Nothing known yet. */
    public static ListMeta none(String url) {
        return new ListMeta(url, null, null, null, null, null, 0, 0, null, null);
    }

    public boolean hasCopy() {
        return fetchedAt != null && sha256 != null;
    }

    public ListMeta checked(Instant when) {
        return new ListMeta(url, fetchedAt, when, etag, lastModified, sha256, rows, bytes, null, null);
    }

    public ListMeta failed(String error, Instant when) {
        return new ListMeta(url, fetchedAt, checkedAt, etag, lastModified, sha256, rows, bytes, error, when);
    }
}
