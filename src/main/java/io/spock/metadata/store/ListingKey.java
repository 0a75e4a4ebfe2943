package io.spock.metadata.store;

import io.spock.metadata.market.Region;

/** One listing of the store: a region and a ticker in its market's canonical form. */
public record ListingKey(Region region, String ticker) {
}
