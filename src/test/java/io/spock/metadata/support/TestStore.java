package io.spock.metadata.support;

import io.spock.metadata.market.Markets;
import io.spock.metadata.store.Database;
import io.spock.metadata.store.DatabaseLocation;
import io.spock.metadata.universe.Listing;
import io.spock.metadata.universe.UniverseWriter;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A real SQLite file in a temporary folder, with listings added by exchange, ticker and KIS code. */
public final class TestStore {

    private TestStore() {
    }

    public static Database open(Path dir) {
        return Database.open(DatabaseLocation.parse(dir.resolve("store.db").toString(), null), null, null);
    }

    public static Listing listing(String exchange, String ticker, String kisCode) {
        return new Listing(Markets.exchange(exchange).orElseThrow(), ticker, ticker + " Inc", null, "STOCK", kisCode,
                false);
    }

    public static void add(Database db, Listing... listings) {
        new UniverseWriter(db.dsl(), Clock.systemUTC()).insertMissing(List.of(listings));
    }
}
