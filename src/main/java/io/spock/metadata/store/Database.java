package io.spock.metadata.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.Messages;
import io.spock.metadata.app.SpockException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;

/** The open store: a connection pool, migrated schema and the jOOQ context every query goes through. */
public final class Database implements AutoCloseable {

    private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    private final DatabaseLocation location;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final boolean created;

    private Database(DatabaseLocation location, HikariDataSource dataSource, boolean created) {
        this.location = location;
        this.dataSource = dataSource;
        this.created = created;
        this.dsl = DSL.using(dataSource, location.dialect(), new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false));
    }

    /** Opens (creating when needed) the database and brings its schema up to date. */
    public static Database open(DatabaseLocation location, String user, String password) {
        if (location.file() != null && !Files.isDirectory(location.file().getParent())) {
            throw new SpockException(ExitCodes.ERROR, "cannot open database " + location.display()
                    + ": directory " + location.file().getParent() + " does not exist");
        }
        HikariDataSource pool = pool(location, user, password);
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/" + vendor(location.dialect()))
                    .loggers("slf4j")
                    .load()
                    .migrate();
            return new Database(location, pool, result.initialSchemaVersion == null);
        } catch (FlywayException e) {
            pool.close();
            throw new SpockException(ExitCodes.ERROR, "cannot migrate database " + location.display() + ": "
                    + Messages.firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseLocation location, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("spock");
        config.setConnectionTimeout(60_000);
        config.setInitializationFailTimeout(1);
        if (location.isSqlite()) {
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
            sqlite.enforceForeignKeys(true);
            // Transactions take the write lock when they begin: one that read first and wrote later would fail at
            // once (SQLITE_BUSY_SNAPSHOT) when another process had written meanwhile, whatever the busy timeout.
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource source = new SQLiteDataSource(sqlite);
            source.setUrl(location.jdbcUrl());
            config.setDataSource(source);
            // SQLite has one writer: a single pooled connection serialises writes instead of failing them.
            config.setMaximumPoolSize(1);
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
            throw new SpockException(ExitCodes.ERROR, "cannot open database " + location.display() + ": "
                    + Messages.firstLine(cause.getMessage()), e);
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

    /** True when this open created the schema, i.e. the database was new. */
    public boolean created() {
        return created;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
