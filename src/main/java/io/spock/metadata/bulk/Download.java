package io.spock.metadata.bulk;

/** What one bulk download brought back. */
public sealed interface Download {

    /**
     * A new copy.
     *
     * @param etag         the {@code ETag} header, null if none
     * @param lastModified the {@code Last-Modified} header, null if none
     * @param requests     HTTP requests it took (a screener needs one per page)
     */
    record Body(byte[] data, String etag, String lastModified, int requests) implements Download {
    }

    /** 304: the kept copy is still current. */
    record NotModified() implements Download {
    }

    /**
     * The download failed: the reason in one line, e.g. {@code HTTP 429 (rate limited)}, {@code timed out after
     * 60 s}, {@code body over 64 MB}.
     */
    record Failed(String reason, int requests) implements Download {
    }
}
