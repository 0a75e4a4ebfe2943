package io.spock.metadata.universe;

import io.spock.metadata.app.SpockException;

/**
 * One master file's import: its counts, or the failure that left the store untouched for it.
 *
 * @param market  the exchange code (NAS), or the file when the failure came before the exchange was known
 * @param result  null when the import failed
 * @param failure null when the import succeeded
 */
public record MasterImportOutcome(String market, String source, MarketImport result, SpockException failure) {

    static MasterImportOutcome imported(MarketImport result) {
        return new MasterImportOutcome(result.market(), result.source(), result, null);
    }

    static MasterImportOutcome failed(String market, String source, SpockException failure) {
        return new MasterImportOutcome(market, source, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
