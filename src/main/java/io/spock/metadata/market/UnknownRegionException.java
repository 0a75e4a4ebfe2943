package io.spock.metadata.market;

import io.spock.metadata.app.UsageException;

/** A region name that is none of US, CN, HK, JP, VN, ALL. */
public class UnknownRegionException extends UsageException {
    public UnknownRegionException(String region) {
        super("unknown region '" + region + "': choose from US, CN, HK, JP, VN or ALL");
    }
}
