package io.spock.metadata.support;

import io.spock.metadata.store.SecurityType;
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
        return open(Backend.SQLITE, dir);
    }

    /** A new database on the given back end: a SQLite file in {@code dir}, or a fresh PostgreSQL schema. */
    public static Database open(Backend backend, Path dir) {
        return Database.open(DatabaseLocation.parse(backend.newDatabase(dir), null), null, null);
    }

    /** The store's two back ends, for tests that run on both. */
    public enum Backend {
        SQLITE, POSTGRES;

        /** A {@code SPOCK_DB} value for a new, empty database. */
        public String newDatabase(Path dir) {
            return this == SQLITE ? dir.resolve("store.db").toString() : Postgres.freshSchemaUrl();
        }
    }

    public static Listing listing(String exchange, String ticker, String kisCode) {
        return Listing.of(Markets.exchange(exchange).orElseThrow(), ticker, ticker + " Inc", null, SecurityType.STOCK, kisCode);
    }

    public static void add(Database db, Listing... listings) {
        new UniverseWriter(db.dsl(), Clock.systemUTC()).insertMissing(List.of(listings));
    }
}
