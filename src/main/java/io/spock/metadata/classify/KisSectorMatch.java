package io.spock.metadata.classify;

/** What the KIS map says about one industry code. */
public record KisSectorMatch(String code, GicsSector sector, Confidence confidence, String kisName) {
}
