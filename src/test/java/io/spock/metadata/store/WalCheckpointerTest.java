package io.spock.metadata.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WAL is copied into the database file by the checkpointer's own connection once it is large enough; the
 * writing connection here never checkpoints ({@code wal_autocheckpoint = 0}), so what reaches the file alone (a copy
 * without its WAL) was put there by the checkpointer.
 */
class WalCheckpointerTest {

    @TempDir
    Path dir;

    @Test
    void aWalOfAThousandPagesIsCopiedIntoTheDatabaseFileOnTheCheckpointersConnection() throws Exception {
        Path file = dir.resolve("big.db");
        try (Connection writer = writer(file)) {
            insertRows(writer, 5_000);
            assertThat(Files.size(dir.resolve("big.db-wal"))).isGreaterThanOrEqualTo(WalCheckpointer.DUE_BYTES);
            assertThat(rowsInTheFileAlone(file)).as("before: the rows are only in the WAL").isZero();

            WalCheckpointer checkpointer = WalCheckpointer.byHand(file, source(file));
            assertThat(checkpointer.checkpointIfDue()).isTrue();
            checkpointer.close();

            assertThat(rowsInTheFileAlone(file)).isEqualTo(5_000);
        }
    }

    @Test
    void aSmallWalIsLeftForLater() throws Exception {
        Path file = dir.resolve("small.db");
        try (Connection writer = writer(file)) {
            insertRows(writer, 10);

            WalCheckpointer checkpointer = WalCheckpointer.byHand(file, source(file));
            assertThat(checkpointer.checkpointIfDue()).isFalse();
            checkpointer.close();

            assertThat(rowsInTheFileAlone(file)).isZero();
        }
    }

    @Test
    void aCheckpointThatCannotConnectIsNotThrown() throws Exception {
        Path file = dir.resolve("gone.db");
        try (RandomAccessFile wal = new RandomAccessFile(dir.resolve("gone.db-wal").toFile(), "rw")) {
            wal.setLength(WalCheckpointer.DUE_BYTES);
        }
        DataSource refusing = new SQLiteDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("[SQLITE_CANTOPEN] unable to open database file");
            }
        };

        WalCheckpointer checkpointer = WalCheckpointer.byHand(file, refusing);

        assertThat(checkpointer.checkpointIfDue()).isFalse();
        checkpointer.close();
    }

    @Test
    void aSqliteStoreCheckpointsOnAThreadOfItsOwnThatEndsWithTheStore() {
        Database db = Database.open(DatabaseLocation.parse(dir.resolve("own.db").toString(), null), null, null);
        assertThat(checkpointThreads("own.db")).isOne();

        db.close();

        assertThat(checkpointThreads("own.db")).isZero();
    }

    private static long checkpointThreads(String fileName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sqlite-checkpoint " + fileName) && t.isAlive()).count();
    }

    private static Connection writer(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config().toProperties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text VARCHAR(1000))");
        }
        return connection;
    }

    private static void insertRows(Connection writer, int rows) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO t (text) VALUES (?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setString(1, "x".repeat(900));
                insert.executeUpdate();
            }
        }
    }

    /** The rows a copy of the database file without its WAL holds: what checkpoints have put there. */
    private int rowsInTheFileAlone(Path file) throws Exception {
        Path copy = dir.resolve("copy-" + System.nanoTime() + ".db");
        Files.copy(file, copy);
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement statement = reader.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 't'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return 0;
            }
            try (ResultSet rows = reader.createStatement().executeQuery("SELECT count(*) FROM t")) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static DataSource source(Path file) {
        SQLiteDataSource source = new SQLiteDataSource(config());
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return config;
    }
}
