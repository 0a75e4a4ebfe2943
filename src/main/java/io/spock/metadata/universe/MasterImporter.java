package io.spock.metadata.universe;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.kis.MasterFile;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.store.PreparedBatch;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Brings the store up to date with one exchange's master file, in one transaction. The file is the exchange's whole
 * list: listings it lacks are marked delisted (never deleted) and listings that come back are un-delisted. Only
 * listing facts are written (exchange, names, security type, KIS code, Yahoo symbol); classifications, flags and
 * enrichment state are left alone, except that a changed KIS code or security type makes the ticker due again
 * (status PENDING) — unless it was fixed by hand (source MANUAL), which the guard inside the statement spares.
 * A listing whose Yahoo symbol already belongs to a listed ticker of another exchange of the same market is not
 * imported: it is logged naming both and counted as skipped (one listing per Yahoo symbol).
 */
public final class MasterImporter {

    private static final Logger log = LoggerFactory.getLogger(MasterImporter.class);

    private final DSLContext dsl;
    private final Clock clock;
    private final PreparedBatch.Sql insert;
    private final PreparedBatch.Sql update;
    private final PreparedBatch.Sql makeDue;
    private final PreparedBatch.Sql delist;

    /** The stored listing facts an import compares against. */
    private record Stored(String exchange, String nameEn, String nameKo, String securityType, String kisCode,
                         String yahooSymbol, boolean delisted) {

        boolean sameAs(Listing listing) {
            return !delisted && exchange.equals(listing.exchange().code()) && Objects.equals(nameEn, listing.nameEn())
                    && Objects.equals(nameKo, listing.nameKo()) && securityType.equals(listing.securityType().name())
                    && kisCode.equals(listing.kisCode()) && yahooSymbol.equals(listing.yahooSymbol());
        }

        boolean dueAfter(Listing listing) {
            return !kisCode.equals(listing.kisCode()) || !securityType.equals(listing.securityType().name());
        }
    }

    public MasterImporter(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.insert = PreparedBatch.Sql.of(dsl, dsl.insertInto(TICKERS, TICKERS.REGION, TICKERS.TICKER,
                        TICKERS.EXCHANGE, TICKERS.NAME_EN, TICKERS.NAME_KO, TICKERS.SECURITY_TYPE, TICKERS.KIS_CODE,
                        TICKERS.YAHOO_SYMBOL, TICKERS.IS_PREFERRED, TICKERS.STATUS, TICKERS.LAST_ENRICHED,
                        TICKERS.CREATED_AT, TICKERS.UPDATED_AT)
                .values((String) null, null, null, null, null, null, null, null, (Boolean) null, null,
                        (LocalDateTime) null, null, null),
                TICKERS.REGION, TICKERS.TICKER, TICKERS.EXCHANGE, TICKERS.NAME_EN, TICKERS.NAME_KO,
                TICKERS.SECURITY_TYPE, TICKERS.KIS_CODE, TICKERS.YAHOO_SYMBOL, TICKERS.IS_PREFERRED, TICKERS.STATUS,
                TICKERS.LAST_ENRICHED, TICKERS.CREATED_AT, TICKERS.UPDATED_AT);
        this.update = PreparedBatch.Sql.of(dsl, dsl.update(TICKERS)
                .set(TICKERS.EXCHANGE, (String) null)
                .set(TICKERS.NAME_EN, (String) null)
                .set(TICKERS.NAME_KO, (String) null)
                .set(TICKERS.SECURITY_TYPE, (String) null)
                .set(TICKERS.KIS_CODE, (String) null)
                .set(TICKERS.YAHOO_SYMBOL, (String) null)
                .set(TICKERS.DELISTED, DSL.inline(false))
                .set(TICKERS.UPDATED_AT, (LocalDateTime) null)
                .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null)),
                TICKERS.EXCHANGE, TICKERS.NAME_EN, TICKERS.NAME_KO, TICKERS.SECURITY_TYPE, TICKERS.KIS_CODE,
                TICKERS.YAHOO_SYMBOL, TICKERS.UPDATED_AT, TICKERS.REGION, TICKERS.TICKER);
        this.makeDue = PreparedBatch.Sql.of(dsl, dsl.update(TICKERS)
                .set(TICKERS.STATUS, DSL.inline(TickerStatus.PENDING.name()))
                .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null),
                        Source.notManual(),
                        TICKERS.STATUS.ne(DSL.inline(TickerStatus.PENDING.name()))),
                TICKERS.REGION, TICKERS.TICKER);
        this.delist = PreparedBatch.Sql.of(dsl, dsl.update(TICKERS)
                .set(TICKERS.DELISTED, DSL.inline(true))
                .set(TICKERS.UPDATED_AT, (LocalDateTime) null)
                .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null)),
                TICKERS.UPDATED_AT, TICKERS.REGION, TICKERS.TICKER);
    }

    /** Imports the file's stocks and products; with {@code dryRun} only counts what would change. */
    public MarketImport importFile(MasterFile file, boolean dryRun) {
        MasterListings listings = MasterListings.of(file);
        Exchange exchange = listings.exchange();
        return dsl.transactionResult(tx -> tx.dsl().connectionResult(connection -> {
            Map<String, Stored> stored = stored(tx.dsl(), exchange.region().name());
            Map<String, String> otherExchanges = yahooOwners(stored, exchange);
            LocalDateTime now = LocalDateTime.now(clock);
            int conflicts = 0;
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            int delisted = 0;
            try (Writes writes = dryRun ? null : new Writes(connection)) {
                for (Listing listing : listings.listings()) {
                    Stored before = stored.get(listing.ticker());
                    String owner = otherExchanges.get(listing.yahooSymbol());
                    if (owner != null && !owner.equals(listing.ticker())) {
                        conflicts++;
                        log.warn("{}: {} {} not imported: Yahoo symbol {} already belongs to {} {}", file.source(),
                                listing.region(), listing.ticker(), listing.yahooSymbol(), listing.region(), owner);
                    } else if (before == null) {
                        added++;
                        if (writes != null) {
                            writes.insert(listing, now);
                        }
                    } else if (before.sameAs(listing)) {
                        unchanged++;
                    } else {
                        updated++;
                        if (writes != null) {
                            writes.update(listing, before.dueAfter(listing), now);
                        }
                    }
                }
                for (Map.Entry<String, Stored> row : stored.entrySet()) {
                    Stored before = row.getValue();
                    if (before.exchange().equals(exchange.code()) && !before.delisted()
                            && !listings.bySymbol().containsKey(row.getKey())) {
                        delisted++;
                        if (writes != null) {
                            writes.delist(exchange.region().name(), row.getKey(), now);
                        }
                    }
                }
                if (writes != null) {
                    writes.execute();
                }
            }
            return new MarketImport(exchange.code(), file.source(), (int) listings.count(SecurityType.STOCK),
                    listings.bySymbol().size() - (int) listings.count(SecurityType.STOCK), added, updated, unchanged,
                    delisted, listings.skipped() + conflicts, file.malformed().size());
        }));
    }

    /**
     * Yahoo symbol → ticker of the stored listings of the market's other exchanges that are not delisted. Listings of
     * this exchange are either in the file, which holds each Yahoo symbol once, or delisted by it.
     */
    private static Map<String, String> yahooOwners(Map<String, Stored> stored, Exchange exchange) {
        Map<String, String> owners = new HashMap<>();
        stored.forEach((ticker, row) -> {
            if (!row.delisted() && !row.exchange().equals(exchange.code())) {
                owners.put(row.yahooSymbol(), ticker);
            }
        });
        return owners;
    }

    private static Map<String, Stored> stored(DSLContext db, String region) {
        Map<String, Stored> rows = new HashMap<>();
        db.select(TICKERS.TICKER, TICKERS.EXCHANGE, TICKERS.NAME_EN, TICKERS.NAME_KO, TICKERS.SECURITY_TYPE,
                        TICKERS.KIS_CODE, TICKERS.YAHOO_SYMBOL, TICKERS.DELISTED)
                .from(TICKERS)
                .where(TICKERS.REGION.eq(region))
                .forEach(r -> rows.put(r.value1(), new Stored(r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), Boolean.TRUE.equals(r.value8()))));
        return rows;
    }

    /** The four batches of one import, on the transaction's connection. */
    private final class Writes implements AutoCloseable {

        private final PreparedBatch inserts;
        private final PreparedBatch updates;
        private final PreparedBatch dues;
        private final PreparedBatch delists;

        Writes(Connection connection) throws SQLException {
            inserts = new PreparedBatch(connection, insert);
            updates = new PreparedBatch(connection, update);
            dues = new PreparedBatch(connection, makeDue);
            delists = new PreparedBatch(connection, delist);
        }

        /** New stocks are due for enrichment; new products have no sector to find and are settled at once. */
        void insert(Listing l, LocalDateTime now) throws SQLException {
            boolean stock = l.securityType().isStock();
            inserts.row().set(TICKERS.REGION, l.region()).set(TICKERS.TICKER, l.ticker())
                    .set(TICKERS.EXCHANGE, l.exchange().code()).set(TICKERS.NAME_EN, l.nameEn())
                    .set(TICKERS.NAME_KO, l.nameKo()).set(TICKERS.SECURITY_TYPE, l.securityType().name())
                    .set(TICKERS.KIS_CODE, l.kisCode()).set(TICKERS.YAHOO_SYMBOL, l.yahooSymbol())
                    .set(TICKERS.IS_PREFERRED, l.preferred())
                    .set(TICKERS.STATUS, (stock ? TickerStatus.PENDING : TickerStatus.NOT_APPLICABLE).name())
                    .set(TICKERS.LAST_ENRICHED, stock ? null : now).set(TICKERS.CREATED_AT, now)
                    .set(TICKERS.UPDATED_AT, now).add();
        }

        void update(Listing l, boolean due, LocalDateTime now) throws SQLException {
            updates.row().set(TICKERS.EXCHANGE, l.exchange().code()).set(TICKERS.NAME_EN, l.nameEn())
                    .set(TICKERS.NAME_KO, l.nameKo()).set(TICKERS.SECURITY_TYPE, l.securityType().name())
                    .set(TICKERS.KIS_CODE, l.kisCode()).set(TICKERS.YAHOO_SYMBOL, l.yahooSymbol())
                    .set(TICKERS.UPDATED_AT, now).set(TICKERS.REGION, l.region()).set(TICKERS.TICKER, l.ticker()).add();
            if (due) {
                dues.row().set(TICKERS.REGION, l.region()).set(TICKERS.TICKER, l.ticker()).add();
            }
        }

        void delist(String region, String ticker, LocalDateTime now) throws SQLException {
            delists.row().set(TICKERS.UPDATED_AT, now).set(TICKERS.REGION, region).set(TICKERS.TICKER, ticker).add();
        }

        void execute() throws SQLException {
            inserts.execute();
            updates.execute();
            dues.execute();
            delists.execute();
        }

        @Override
        public void close() throws SQLException {
            try (inserts; updates; dues; delists) {
                // closes the four statements, even when one close fails
            }
        }
    }
}
