package io.spock.metadata.yahoo;

/** Looks one symbol up on Yahoo Finance. {@link YahooFinanceClient} is the HTTP implementation. */
@FunctionalInterface
public interface YahooClient {

    /** Never throws for network or protocol trouble: every outcome is a {@link YahooLookup} case. */
    YahooLookup lookup(String symbol);
}
