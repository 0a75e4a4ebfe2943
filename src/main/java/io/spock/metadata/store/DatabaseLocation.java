package io.spock.metadata.store;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.Masking;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.UsageException;
import org.jooq.SQLDialect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the store lives: a SQLite file (the default) or a PostgreSQL server, from {@code SPOCK_DB}.
 *
 * @param jdbcUrl the JDBC URL to connect with
 * @param dialect the jOOQ dialect that follows the URL
 * @param file    the SQLite file, or null for a server database or an in-memory SQLite
 */
public record DatabaseLocation(String jdbcUrl, SQLDialect dialect, Path file) {

    /**
     * Reads a {@code SPOCK_DB} value: a JDBC URL or a file path (relative to the working directory). A
     * {@code jdbc:sqlite:file:PATH?…} URI is kept as given, with its file known for the checks of {@link #checkFile()}.
     *
     * @throws UsageException (exit 2) for a URL of another database
     */
    public static DatabaseLocation parse(String spec, Path defaultFile) {
        if (spec == null || spec.isBlank()) {
            return sqliteFile(defaultFile);
        }
        String value = spec.trim();
        if (value.startsWith("jdbc:sqlite:")) {
            String path = value.substring("jdbc:sqlite:".length());
            if (path.isBlank() || path.startsWith(":memory:") || path.contains("mode=memory")) {
                return new DatabaseLocation(value, SQLDialect.SQLITE, null);
            }
            if (path.startsWith("file:")) {
                return new DatabaseLocation(value, SQLDialect.SQLITE, uriFile(path));
            }
            return sqliteFile(Path.of(path));
        }
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseLocation(value, SQLDialect.POSTGRES, null);
        }
        if (value.startsWith("jdbc:")) {
            throw new UsageException("SPOCK_DB: unsupported database URL '" + Masking.url(value)
                    + "' (use a SQLite file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
        }
        return sqliteFile(Path.of(value));
    }

    private static DatabaseLocation sqliteFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new DatabaseLocation("jdbc:sqlite:" + absolute, SQLDialect.SQLITE, absolute);
    }

    /** {@code file:/data/x.db?mode=ro} and {@code file:///data/x.db} → {@code /data/x.db}, as SQLite reads them. */
    private static Path uriFile(String uri) {
        String path = uri.substring("file:".length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            path = slash < 0 ? "" : path.substring(slash);
        }
        if (path.isBlank()) {
            throw new UsageException("SPOCK_DB: no file in the SQLite URL '" + uri + "'");
        }
        return Path.of(URLDecoder.decode(path, StandardCharsets.UTF_8)).toAbsolutePath().normalize();
    }

    public boolean isSqlite() {
        return dialect == SQLDialect.SQLITE;
    }

    /**
     * Checks what can be checked before SQLite opens the file, so that each case gets its own message: a folder, a
     * missing folder, a new file in a read-only folder.
     *
     * @throws SpockException (exit 1) naming the problem
     */
    public void checkFile() {
        if (file == null) {
            return;
        }
        Path folder = file.getParent();
        if (Files.isDirectory(file)) {
            throw cannotOpen("it is a directory, not a database file");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw cannotOpen("directory " + folder + " does not exist");
        }
        if (!Files.exists(file) && !Files.isWritable(folder)) {
            throw cannotOpen("cannot create it: directory " + folder + " is read-only");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw cannotOpen("it is not a regular file");
        }
    }

    /** The location as shown to operators, never with a password. */
    public String display() {
        return file != null && jdbcUrl.equals("jdbc:sqlite:" + file) ? file.toString() : Masking.text(jdbcUrl);
    }

    SpockException cannotOpen(String reason) {
        return new SpockException(ExitCodes.ERROR, "cannot open database " + display() + ": " + reason);
    }
}
