package io.spock.metadata.store;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * One list filter as an operator gives it: any of some values ({@code --sector 40,60}), or none of them
 * ({@code --sector not:40,60}). Without values it selects everything.
 *
 * @param values   the values, in the order given; empty for no constraint
 * @param excluded true for "none of the values": then rows where the column is empty are kept too
 */
public record Selection<T>(Set<T> values, boolean excluded) {

    public Selection {
        values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** No constraint. */
    public static <T> Selection<T> all() {
        return new Selection<>(Set.of(), false);
    }

    public static <T> Selection<T> anyOf(Collection<T> values) {
        return new Selection<>(new LinkedHashSet<>(values), false);
    }

    public static <T> Selection<T> noneOf(Collection<T> values) {
        return new Selection<>(new LinkedHashSet<>(values), true);
    }

    public boolean isAll() {
        return values.isEmpty();
    }

    /**
     * The condition on one column: its value is one of the values, or, when excluded, it is empty or none of them
     * (SQL's {@code NOT IN} alone would drop the empty rows). No condition when there are no values.
     *
     * @param column how a value is stored in the column
     */
    public <F> Condition on(Field<F> field, Function<T, F> column) {
        if (values.isEmpty()) {
            return DSL.noCondition();
        }
        var stored = values.stream().map(column).toList();
        return excluded ? field.isNull().or(field.notIn(stored)) : field.in(stored);
    }
}
