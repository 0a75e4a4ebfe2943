package io.spock.metadata.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.Messages;
import io.spock.metadata.app.SpockException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Arrays;

/**
 * The open store: a connection pool, a schema brought up to date, and the jOOQ context every query goes through.
 *
 * <p>Opening never needs the write lock unless the schema is behind: migrations run only when some are pending, so
 * read-only commands work while another process holds a long write transaction. Every way opening can fail (a
 * folder, a missing folder, a non-SQLite or damaged file, a read-only mount, a lock held past the busy timeout, a
 * wrong PostgreSQL password, an unreachable server) ends as one {@link SpockException} line, exit 1.
 */
public final class Database implements AutoCloseable {

    /** How long a SQLite write waits for another process's lock unless {@code SPOCK_DB_BUSY_TIMEOUT} says otherwise. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The connection that writes also writes the WAL back into the database file once it holds this many pages
     * (4 KB each): a fallback, as {@link WalCheckpointer} does it from 1,000 pages on, on its own connection.
     */
    static final int WAL_CHECKPOINT_PAGES = 10_000;

    /** The WAL file is cut back to this many bytes after a checkpoint. */
    static final int WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

    private final DatabaseLocation location;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final boolean created;
    private final StoreFailures failures;
    /** SQLite files only, else null. */
    private final WalCheckpointer checkpointer;

    private Database(DatabaseLocation location, HikariDataSource dataSource, boolean created,
                     StoreFailures failures, WalCheckpointer checkpointer) {
        this.location = location;
        this.dataSource = dataSource;
        this.created = created;
        this.failures = failures;
        this.checkpointer = checkpointer;
        this.dsl = DSL.using(dataSource, location.dialect(), new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false));
    }

    /** Opens the database with the default busy timeout, see {@link #open(DatabaseLocation, String, String, Duration)}. */
    public static Database open(DatabaseLocation location, String user, String password) {
        return open(location, user, password, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens (creating when needed) the database and brings its schema up to date.
     *
     * @param busyTimeout how long a SQLite statement waits for another process's lock before it fails
     * @throws SpockException (exit 1) with one line naming the database and the reason
     */
    public static Database open(DatabaseLocation location, String user, String password, Duration busyTimeout) {
        StoreFailures failures = new StoreFailures(location, busyTimeout);
        location.checkFile();
        HikariDataSource pool = pool(location, user, password, busyTimeout, failures);
        try {
            boolean created = migrateIfBehind(location, pool, busyTimeout);
            WalCheckpointer checkpointer = location.isSqlite() && location.file() != null
                    ? WalCheckpointer.start(location.file(), sqlite(location, busyTimeout,
                    SQLiteConfig.TransactionMode.DEFERRED)) : null;
            return new Database(location, pool, created, failures, checkpointer);
        } catch (FlywayException e) {
            pool.close();
            throw failures.describeOpening(e).orElseGet(() -> new SpockException(ExitCodes.ERROR,
                    "cannot migrate database " + location.display() + ": " + Messages.firstLine(e.getMessage()), e));
        } catch (RuntimeException e) {
            pool.close();
            throw e instanceof SpockException ? e : failures.describeOpening(e).orElseThrow(() -> e);
        }
    }

    /**
     * Migrates only when migrations are pending, so that opening an up-to-date store takes no write lock. On SQLite
     * the check reads through its own connection whose transactions begin DEFERRED: Flyway wraps even its reads in
     * transactions, and the pool's begin IMMEDIATE, taking the write lock.
     *
     * @return true when the database was empty, i.e. this open created the schema
     */
    private static boolean migrateIfBehind(DatabaseLocation location, HikariDataSource pool, Duration busyTimeout) {
        DataSource reader = location.isSqlite() ? sqlite(location, busyTimeout, SQLiteConfig.TransactionMode.DEFERRED)
                : pool;
        MigrationInfoService info = flyway(location, reader, false).info();
        MigrationInfo future = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS).findFirst().orElse(null);
        if (future != null) {
            throw new SpockException(ExitCodes.ERROR, "database " + location.display() + " has schema version "
                    + future.getVersion() + ", newer than this program knows: use a newer Spock");
        }
        // Migrations are numbered as they are planned and may be released out of order: a store that already has
        // V9 still gets a V8 released after it (Flyway calls it IGNORED until told to apply such ones).
        boolean late = Arrays.stream(info.all()).anyMatch(m -> m.getState() == MigrationState.IGNORED);
        if (info.pending().length == 0 && !late) {
            return false;
        }
        return flyway(location, pool, late).migrate().initialSchemaVersion == null;
    }

    /** @param outOfOrder apply migrations older than the store's latest (Flyway warns in the log when it does) */
    private static Flyway flyway(DatabaseLocation location, DataSource dataSource, boolean outOfOrder) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor(location.dialect()))
                .outOfOrder(outOfOrder)
                .loggers("slf4j")
                .load();
    }

    private static SQLiteDataSource sqlite(DatabaseLocation location, Duration busyTimeout,
                                           SQLiteConfig.TransactionMode transactions) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // A checkpointed WAL is cut back to this size, so the larger checkpoint interval does not keep 40 MB on disk.
        sqlite.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
        sqlite.setBusyTimeout((int) busyTimeout.toMillis());
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(transactions);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl(location.jdbcUrl());
        return source;
    }

    private static HikariDataSource pool(DatabaseLocation location, String user, String password,
                                         Duration busyTimeout, StoreFailures failures) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("spock");
        config.setConnectionTimeout(60_000);
        config.setInitializationFailTimeout(1);
        if (location.isSqlite()) {
            // Transactions take the write lock when they begin: one that read first and wrote later would fail at
            // once (SQLITE_BUSY_SNAPSHOT) when another process had written meanwhile, whatever the busy timeout.
            config.setDataSource(sqlite(location, busyTimeout, SQLiteConfig.TransactionMode.IMMEDIATE));
            // SQLite has one writer: a single pooled connection serialises writes instead of failing them.
            config.setMaximumPoolSize(1);
            // Checkpoints run on a connection of their own (WalCheckpointer); this one checkpoints only when that
            // falls behind. Every checkpoint syncs the file to disk, which costs milliseconds on our VMs.
            config.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
        } else {
            config.setJdbcUrl(location.jdbcUrl());
            if (user != null && !user.isBlank()) {
                config.setUsername(user);
            }
            if (password != null && !password.isBlank()) {
                config.setPassword(password);
            }
            config.setMaximumPoolSize(8);
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw failures.describeOpening(e).orElseGet(() -> new SpockException(ExitCodes.ERROR, "cannot open database "
                    + location.display() + ": " + Messages.firstLine(cause.getMessage()), e));
        }
    }

    private static String vendor(SQLDialect dialect) {
        return dialect == SQLDialect.POSTGRES ? "postgresql" : "sqlite";
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DatabaseLocation location() {
        return location;
    }

    /** Names this store's failures (lock, disk full, lost server) for the error reporter. */
    public StoreFailures failures() {
        return failures;
    }

    /** True when this open created the schema, i.e. the database was new. */
    public boolean created() {
        return created;
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        dataSource.close();
    }
}
