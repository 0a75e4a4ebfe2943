package io.spock.metadata.store;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Where a classification came from: a source's name as stored ({@code KIS}, {@code YAHOO}, {@code MANUAL},
 * {@code PARENT}, …). Sources are pluggable, so this is a name, not a closed list; {@link #of} returns one
 * instance per name, so instances compare with {@code ==} as well as {@code equals}.
 *
 * @param name upper case, 1–16 of {@code A–Z 0–9 _}, starting with a letter (the width of the store's columns)
 */
public record Source(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,15}");
    private static final Map<String, Source> INTERNED = new ConcurrentHashMap<>();

    /** A fix made by hand ({@code map-sector}, or a CSV row that says so): always wins, never overwritten. */
    public static final Source MANUAL = of("MANUAL");
    /** KIS's industry code through {@code config/kis_sector_to_gics_mapping.json}. */
    public static final Source KIS = of("KIS");
    /** Yahoo Finance, per ticker. */
    public static final Source YAHOO = of("YAHOO");
    /** The common share's classification, for a preferred share, unit, warrant or right. */
    public static final Source PARENT = of("PARENT");

    public Source {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a source name: '" + name + "'");
        }
    }

    /**
     * The source of that name, in any case ({@code kis} → {@code KIS}).
     *
     * @throws IllegalArgumentException when the name is not 1–16 letters, digits or underscores
     */
    public static Source of(String name) {
        String upper = name == null ? null : name.trim().toUpperCase(Locale.ROOT);
        Source known = upper == null ? null : INTERNED.get(upper);
        return known != null ? known : INTERNED.computeIfAbsent(new Source(upper).name(), Source::new);
    }

    /** Whether {@code name} can name a source (see {@link #of}). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name.trim().toUpperCase(Locale.ROOT)).matches();
    }

    /** The lower-case form used in configuration, JSON keys and metric labels ({@code kis}). */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Rows not fixed by hand: the guard of every automatic write. Inlined, not bound, so that batched statements
     * bind only their own per-row values.
     */
    public static Condition notManual() {
        return TICKERS.SOURCE.isNull().or(TICKERS.SOURCE.ne(DSL.inline(MANUAL.name())));
    }

    @Override
    public String toString() {
        return name;
    }
}
