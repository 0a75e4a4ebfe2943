package io.spock.metadata.store;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A jOOQ-built statement executed as a plain JDBC batch on one connection: jOOQ renders the SQL once, rows are
 * bound straight into the prepared statement. This is the hot path of enrichment, where jOOQ's per-value binding
 * cost more than the database work.
 *
 * <p>Values are bound by column, not by position: the {@link Sql} names the column of each placeholder, in the order
 * the query was built, right beside the query; a row sets each column by name ({@link Row#set}) and must set every
 * one of them, so that two swapped columns cannot go unnoticed.
 */
public final class PreparedBatch implements AutoCloseable {

    private static final Object UNSET = new Object();

    private final Sql sql;
    private final Connection connection;
    /** Prepared at the first row: a batch that gets no row costs nothing. */
    private PreparedStatement statement;
    private int rows;
    private final TimestampText timestamps = new TimestampText();

    /**
     * A query rendered once, with the column each of its placeholders binds, to be prepared for each batch.
     *
     * @param columns the column (or a placeholder's label field) of each placeholder, in placeholder order; a
     *                column may appear once
     */
    public record Sql(String text, List<Field<?>> columns, Map<Field<?>, Integer> positions, boolean sqlite) {

        /**
         * @param columns one per placeholder of {@code query}, in the order the query binds them
         * @throws IllegalArgumentException when the count differs from the query's placeholders, or a column repeats
         */
        public static Sql of(DSLContext dsl, Query query, Field<?>... columns) {
            int placeholders = query.getBindValues().size();
            if (placeholders != columns.length) {
                throw new IllegalArgumentException(columns.length + " columns named for " + placeholders
                        + " placeholders");
            }
            Map<Field<?>, Integer> positions = new IdentityHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                if (positions.put(columns[i], i) != null) {
                    throw new IllegalArgumentException("column " + columns[i] + " named twice");
                }
            }
            return new Sql(dsl.render(query), List.of(columns), positions, dsl.dialect() == SQLDialect.SQLITE);
        }
    }

    public PreparedBatch(Connection connection, Sql sql) {
        this.sql = sql;
        this.connection = connection;
    }

    /** A new row of values, added to the batch by {@link Row#add()}. */
    public Row row() {
        return new Row();
    }

    /** The values of one row, set by column. */
    public final class Row {
        private final Object[] values = new Object[sql.columns().size()];

        private Row() {
            Arrays.fill(values, UNSET);
        }

        /**
         * @throws IllegalArgumentException when the statement has no placeholder for {@code column}
         */
        public <T> Row set(Field<T> column, T value) {
            Integer position = sql.positions().get(column);
            if (position == null) {
                throw new IllegalArgumentException("no placeholder for column " + column);
            }
            values[position] = value;
            return this;
        }

        /**
         * Adds the row to the batch.
         *
         * @throws IllegalStateException when a column was not set
         * @throws SQLException          when the driver refuses a value
         */
        public void add() throws SQLException {
            if (statement == null) {
                statement = connection.prepareStatement(sql.text());
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == UNSET) {
                    throw new IllegalStateException("column " + sql.columns().get(i) + " not set");
                }
                bind(i + 1, values[i]);
            }
            statement.addBatch();
            rows++;
        }
    }

    private void bind(int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof LocalDateTime time) {
            // jOOQ keeps SQLite time stamps as text in java.sql.Timestamp's form; server databases take the type.
            if (sql.sqlite()) {
                statement.setString(index, timestamps.of(time));
            } else {
                statement.setObject(index, time);
            }
        } else {
            statement.setObject(index, value);
        }
    }

    /** Runs the rows added so far; returns how many were added. */
    public int execute() throws SQLException {
        int added = rows;
        if (rows > 0) {
            statement.executeBatch();
            rows = 0;
        }
        return added;
    }

    @Override
    public void close() throws SQLException {
        if (statement != null) {
            statement.close();
        }
    }
}
