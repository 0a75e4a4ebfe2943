package io.spock.metadata.store;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.UsageException;
import org.jooq.DSLContext;
import org.jooq.Loader;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_EVIDENCE;
import static io.spock.metadata.store.generated.Tables.CLASSIFICATION_HISTORY;
import static io.spock.metadata.store.generated.Tables.ENRICHMENT_RUNS;
import static io.spock.metadata.store.generated.Tables.RUN_REGIONS;
import static io.spock.metadata.store.generated.Tables.RUN_REGION_SOURCES;
import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Copies a whole universe, with runs and history, into an empty database (SQLite → PostgreSQL when a team
 * outgrows one file), keeping ids, then checks the row counts match.
 */
public final class StoreCopy {

    /** Rows of one table on each side after the copy. */
    public record TableCount(String table, int source, int target) {
        public boolean matches() {
            return source == target;
        }
    }

    /** Parents before children, so foreign keys hold at every step. */
    private static final List<Table<?>> TABLES = List.of(TICKERS, ENRICHMENT_RUNS, RUN_REGIONS, RUN_REGION_SOURCES,
            CLASSIFICATION_HISTORY, CLASSIFICATION_EVIDENCE);
    private static final int CHUNK = 1_000;

    private StoreCopy() {
    }

    public static List<TableCount> copy(DSLContext source, DSLContext target) {
        for (Table<?> table : TABLES) {
            if (target.fetchCount(table) > 0) {
                throw new UsageException("the target database is not empty (" + table.getName()
                        + " has rows): migrate-to only fills an empty store");
            }
        }
        target.transaction(tx -> {
            for (Table<?> table : TABLES) {
                load(source, tx.dsl(), table);
            }
            if (target.dialect() == SQLDialect.POSTGRES) {
                restartSequence(tx.dsl(), ENRICHMENT_RUNS.getName(), ENRICHMENT_RUNS.ID);
                restartSequence(tx.dsl(), CLASSIFICATION_HISTORY.getName(), CLASSIFICATION_HISTORY.ID);
            }
        });
        List<TableCount> counts = new ArrayList<>();
        for (Table<?> table : TABLES) {
            counts.add(new TableCount(table.getName(), source.fetchCount(table), target.fetchCount(table)));
        }
        return counts;
    }

    private static <R extends Record> void load(DSLContext source, DSLContext target, Table<R> table) {
        try {
            Loader<R> loader = target.loadInto(table)
                    .bulkAfter(CHUNK)
                    .batchAll()
                    .commitNone()
                    .onErrorAbort()
                    .loadRecords(source.selectFrom(table).fetch())
                    .fields(table.fields())
                    .execute();
            if (!loader.errors().isEmpty()) {
                throw new SpockException(ExitCodes.ERROR, "copying " + table.getName() + " failed: "
                        + loader.errors().get(0).exception().getMessage());
            }
        } catch (IOException e) {
            throw new SpockException(ExitCodes.ERROR, "copying " + table.getName() + " failed: " + e.getMessage(), e);
        }
    }

    /** Explicit ids were copied, so the serial sequence must continue after the largest. */
    private static void restartSequence(DSLContext db, String table, TableField<?, Integer> id) {
        Integer max = db.select(DSL.max(id)).from(id.getTable()).fetchOne(0, Integer.class);
        db.alterSequence(DSL.name(table + "_" + id.getName() + "_seq")).restartWith(max == null ? 1 : max + 1)
                .execute();
    }
}
