package io.spock.metadata.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes a SQLite store's WAL back into the database file on a thread and connection of its own, so that the
 * connection that writes does not: a checkpoint copies the WAL's pages into the file and syncs both, which took 15–25 %
 * of a KIS-path run when the writing connection did it. Every {@link #PERIOD} the WAL file's size is looked
 * at; from {@link #DUE_BYTES} on, a PASSIVE checkpoint runs ({@code PRAGMA wal_checkpoint(PASSIVE)}, see
 * sqlite.org/pragma.html#pragma_wal_checkpoint), which never waits for a reader or writer and never blocks one:
 * what it cannot copy yet it leaves for the next turn. SQLite's own checkpoint in the writing connection stays as
 * the fallback, at a larger WAL ({@link Database#WAL_CHECKPOINT_PAGES}).
 *
 * <p>A failed checkpoint (a read-only file, a full disk) is logged at debug level and tried again at the next turn;
 * it never reaches a command: the writes themselves report such failures.
 */
final class WalCheckpointer implements AutoCloseable {

    /** How often the WAL's size is looked at. */
    static final Duration PERIOD = Duration.ofMillis(250);

    /** A WAL this large is checkpointed: SQLite's own default interval, 1,000 pages of 4 KB. */
    static final long DUE_BYTES = 1000L * 4096;

    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Path wal;
    private final DataSource source;
    private final ScheduledExecutorService timer;
    /** Opened at the first checkpoint; used by one thread at a time (the timer's, or the caller of close). */
    private Connection connection;

    private WalCheckpointer(Path databaseFile, DataSource source, ScheduledExecutorService timer) {
        this.wal = databaseFile.resolveSibling(databaseFile.getFileName() + "-wal");
        this.source = source;
        this.timer = timer;
    }

    /**
     * Starts checkpointing {@code databaseFile} every {@link #PERIOD} on a daemon thread.
     *
     * @param source unpooled connections to the same file, with the store's settings
     */
    static WalCheckpointer start(Path databaseFile, DataSource source) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sqlite-checkpoint " + databaseFile.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        WalCheckpointer checkpointer = new WalCheckpointer(databaseFile, source, timer);
        timer.scheduleWithFixedDelay(checkpointer::checkpointIfDue, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return checkpointer;
    }

    /** For tests: checkpoints only when {@link #checkpointIfDue} is called. */
    static WalCheckpointer byHand(Path databaseFile, DataSource source) {
        return new WalCheckpointer(databaseFile, source, null);
    }

    /**
     * Runs a PASSIVE checkpoint when the WAL holds at least {@link #DUE_BYTES}.
     *
     * @return true when a checkpoint ran and copied every page of the WAL into the database file
     */
    synchronized boolean checkpointIfDue() {
        try {
            if (walBytes() < DUE_BYTES) {
                return false;
            }
            if (connection == null) {
                connection = source.getConnection();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                // one row: busy (0 or 1), pages in the WAL, pages copied into the database file
                return result.next() && result.getInt(1) == 0 && result.getInt(2) == result.getInt(3);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            log.debug("WAL checkpoint of {} not done: {}", wal, e.toString());
            return false;
        }
    }

    private long walBytes() throws IOException {
        try {
            return Files.size(wal);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** Stops the timer, waits for a checkpoint under way, and closes the connection. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    log.debug("Closing the checkpoint connection of {}: {}", wal, e.toString());
                }
                connection = null;
            }
        }
    }
}
