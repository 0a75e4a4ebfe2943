package io.spock.metadata.store;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * A jOOQ-built statement executed as a plain JDBC batch on one connection: jOOQ renders the SQL once, rows are
 * bound straight into the prepared statement. This is the hot path of enrichment, where jOOQ's per-value binding
 * cost more than the database work. Values are bound in the order of the query's placeholders, and the count is
 * checked against them.
 */
public final class PreparedBatch implements AutoCloseable {

    private final PreparedStatement statement;
    private final int parameters;
    private final boolean sqlite;
    private int rows;

    /** A query rendered once, to be prepared for each batch. */
    public record Sql(String text, int parameters, boolean sqlite) {
        public static Sql of(DSLContext dsl, Query query) {
            return new Sql(dsl.render(query), query.getBindValues().size(), dsl.dialect() == SQLDialect.SQLITE);
        }
    }

    public PreparedBatch(Connection connection, Sql sql) throws SQLException {
        this.statement = connection.prepareStatement(sql.text());
        this.parameters = sql.parameters();
        this.sqlite = sql.sqlite();
    }

    public void add(Object... values) throws SQLException {
        if (values.length != parameters) {
            throw new IllegalArgumentException(values.length + " values for " + parameters + " placeholders");
        }
        for (int i = 0; i < values.length; i++) {
            bind(i + 1, values[i]);
        }
        statement.addBatch();
        rows++;
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
            // jOOQ keeps SQLite timestamps as text in java.sql.Timestamp's form; server databases take the type.
            if (sqlite) {
                statement.setString(index, Timestamp.valueOf(time).toString());
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
        statement.close();
    }
}
