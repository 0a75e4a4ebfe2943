package io.spock.metadata.store;

import io.spock.metadata.classify.Confidence;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/** The columns {@code tickers} shows, by the names its output uses, and what each sorts by. */
public enum TickerColumn {
    REGION(TICKERS.REGION),
    TICKER(TICKERS.TICKER),
    EXCHANGE(TICKERS.EXCHANGE),
    NAME(TICKERS.NAME_EN, "name_en"),
    NAME_KO(TICKERS.NAME_KO),
    KIS_CODE(TICKERS.KIS_CODE),
    SECTOR(TICKERS.SECTOR_CODE, "sector_code", "sector_en"),
    INDUSTRY(TICKERS.INDUSTRY),
    SOURCE(TICKERS.SOURCE),
    /** By strength (low, medium, high), not by spelling. */
    CONFIDENCE(DSL.case_(TICKERS.CONFIDENCE)
            .when(DSL.inline(Confidence.LOW.name()), DSL.inline(Confidence.LOW.ordinal()))
            .when(DSL.inline(Confidence.MEDIUM.name()), DSL.inline(Confidence.MEDIUM.ordinal()))
            .when(DSL.inline(Confidence.HIGH.name()), DSL.inline(Confidence.HIGH.ordinal()))),
    STATUS(TICKERS.STATUS),
    SPAC(TICKERS.IS_SPAC, "is_spac"),
    PREFERRED(TICKERS.IS_PREFERRED, "is_preferred"),
    DELISTED(TICKERS.DELISTED),
    DISAGREEMENT(TICKERS.DISAGREEMENT),
    LAST_ENRICHED(TICKERS.LAST_ENRICHED);

    private final Field<?> sortKey;
    private final List<String> aliases;

    TickerColumn(Field<?> sortKey, String... aliases) {
        this.sortKey = sortKey;
        this.aliases = List.of(aliases);
    }

    /** The name in the output: {@code kis_code}, {@code last_enriched}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the column sorts by; empty values sort last in either direction. */
    public Field<?> sortKey() {
        return sortKey;
    }

    /** A column by its output name or an alias ({@code name_en}, {@code sector_code}), in any case. */
    public static Optional<TickerColumn> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(c -> c.label().equals(wanted) || c.aliases.contains(wanted))
                .findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(TickerColumn::label).toList();
    }
}
