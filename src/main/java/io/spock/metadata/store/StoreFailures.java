package io.spock.metadata.store;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.FailureDescriber;
import io.spock.metadata.app.Messages;
import io.spock.metadata.app.SpockException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

/**
 * Names the store's failures for operators, from the SQLite result code or the PostgreSQL SQLSTATE anywhere in the
 * cause chain (jOOQ, Flyway, HikariCP and Spring wrap them): "database is locked by another process (waited 30 s)"
 * rather than a driver message behind a stack trace. Used when the store opens, and by the error reporter for
 * failures while a command runs.
 */
public final class StoreFailures implements FailureDescriber {

    private final DatabaseLocation location;
    private final Duration busyTimeout;

    public StoreFailures(DatabaseLocation location, Duration busyTimeout) {
        this.location = location;
        this.busyTimeout = busyTimeout;
    }

    /**
     * Whether a failure says the store has stopped accepting work, so that retrying or asking sources for more is
     * wasted: SQLite's read-only, I/O, disk-full and cannot-open results (8, 10, 13, 14); PostgreSQL's connection
     * (SQLSTATE class 08), resource (53) and shutdown (57P01–57P03) states and a read-only transaction (25006); a
     * connection pool that could not hand out a connection. A lock held by another process is not one: it passes.
     */
    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                return primary == 8 || primary == 10 || primary == 13 || primary == 14;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                        || state.equals("25006")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A failure while a command runs. */
    @Override
    public Optional<SpockException> describe(Throwable failure) {
        return reason(failure, false).map(reason -> new SpockException(ExitCodes.ERROR, reason, failure));
    }

    /** A failure while the store opens. */
    Optional<SpockException> describeOpening(Throwable failure) {
        return reason(failure, true).map(reason -> new SpockException(ExitCodes.ERROR, reason, failure));
    }

    /** What went wrong with the store, on one line, if the failure comes from it. */
    private Optional<String> reason(Throwable failure, boolean opening) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return Optional.of(sqlite(sqlite.getResultCode()));
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && !location.isSqlite()) {
                Optional<String> reason = postgres(sql, opening);
                if (reason.isPresent()) {
                    return reason;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private String sqlite(SQLiteErrorCode code) {
        int primary = code.code & 0xff;
        return switch (primary) {
            case 5, 6 -> "database is locked by another process (waited " + seconds(busyTimeout) + ")";
            case 26 -> "cannot open database " + location.display()
                    + ": not a SQLite database (a truncated file, or another kind of file)";
            case 11 -> "database " + location.display()
                    + " is damaged (SQLITE_CORRUPT): restore it from a backup";
            case 8 -> "cannot write database " + location.display() + ": " + readOnlyReason();
            case 13 -> "cannot write database " + location.display() + ": the disk is full";
            case 14 -> "cannot open database " + location.display() + ": " + cannotOpenReason();
            case 10 -> "database " + location.display() + ": I/O error (" + code.name() + ")";
            default -> "database " + location.display() + ": " + Messages.firstLine(code.message);
        };
    }

    private Optional<String> postgres(SQLException e, boolean opening) {
        String state = e.getSQLState();
        String server = location.display();
        if (opening && (state.startsWith("08") || state.startsWith("53"))) {
            return Optional.of("cannot open database " + server + ": " + Messages.of(e));
        }
        if (state.startsWith("28")) {
            return Optional.of("cannot open database " + server + ": " + Messages.firstLine(e.getMessage())
                    + " (check SPOCK_DB_USER and SPOCK_DB_PASSWORD)");
        }
        if (state.startsWith("08")) {
            return Optional.of("lost the database server " + server + ": " + Messages.of(e));
        }
        if (state.equals("3D000")) {
            return Optional.of("cannot open database " + server + ": " + Messages.of(e));
        }
        if (state.startsWith("53")) {
            return Optional.of("database server " + server + " out of resources: " + Messages.of(e));
        }
        return Optional.empty();
    }

    private String readOnlyReason() {
        return onReadOnlyFileSystem() ? "its file system is read-only (a read-only mount?)"
                : "the file or its directory is read-only";
    }

    private String cannotOpenReason() {
        if (onReadOnlyFileSystem()) {
            return "its file system is read-only (a read-only mount?): SQLite needs to write beside the file";
        }
        return "the file cannot be opened (permissions, or a missing directory)";
    }

    private boolean onReadOnlyFileSystem() {
        Path file = location.file();
        if (file == null) {
            return false;
        }
        try {
            Path existing = Files.exists(file) ? file : file.getParent();
            return existing != null && Files.getFileStore(existing).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
