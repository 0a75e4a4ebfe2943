package io.spock.metadata.store;

import io.spock.metadata.app.UsageException;
import org.jooq.SQLDialect;

import java.nio.file.Path;

/**
 * Where the store lives: a SQLite file (the default) or a PostgreSQL server, from {@code SPOCK_DB}.
 *
 * @param jdbcUrl the JDBC URL to connect with
 * @param dialect the jOOQ dialect that follows the URL
 * @param file    the SQLite file, or null for a server database
 */
public record DatabaseLocation(String jdbcUrl, SQLDialect dialect, Path file) {

    /** Reads a {@code SPOCK_DB} value: a JDBC URL or a file path (relative to the working directory). */
    public static DatabaseLocation parse(String spec, Path defaultFile) {
        if (spec == null || spec.isBlank()) {
            return sqliteFile(defaultFile);
        }
        String value = spec.trim();
        if (value.startsWith("jdbc:sqlite:")) {
            String path = value.substring("jdbc:sqlite:".length());
            if (path.isBlank() || path.startsWith(":memory:") || path.startsWith("file:")) {
                return new DatabaseLocation(value, SQLDialect.SQLITE, null);
            }
            return sqliteFile(Path.of(path));
        }
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseLocation(value, SQLDialect.POSTGRES, null);
        }
        if (value.startsWith("jdbc:")) {
            throw new UsageException("SPOCK_DB: unsupported database URL '" + value
                    + "' (use a SQLite file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
        }
        return sqliteFile(Path.of(value));
    }

    private static DatabaseLocation sqliteFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new DatabaseLocation("jdbc:sqlite:" + absolute, SQLDialect.SQLITE, absolute);
    }

    public boolean isSqlite() {
        return dialect == SQLDialect.SQLITE;
    }

    /** The location as shown to operators, never with a password. */
    public String display() {
        return file != null ? file.toString() : jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }
}
