package io.spock.metadata.store;

/** Where a stored classification came from. */
public enum Source {
    KIS, YAHOO, MANUAL
}
