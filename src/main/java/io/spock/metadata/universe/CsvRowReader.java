package io.spock.metadata.universe;

import io.spock.metadata.app.Messages;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.store.SecurityType;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerStatus;
import org.apache.commons.csv.CSVRecord;
import org.jooq.Field;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.spock.metadata.store.generated.Tables.TICKERS;

/**
 * Validates the cells of one CSV row into a {@link CsvTicker}. The ticker is put in its market's canonical form (858
 * on SZS is 000858); a cell neutralised for spreadsheets ({@code '=…}) is read without its quote; text must fit the
 * store's column and hold no NUL.
 */
final class CsvRowReader {

    private static final Pattern KIS_CODE = Pattern.compile("\\d{1,3}");
    private static final Pattern YAHOO_SYMBOL = Pattern.compile("[A-Z0-9^][A-Z0-9.=^-]*");
    private static final Set<String> CONFIDENCES = Arrays.stream(Confidence.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Function<String, Optional<TickerStatus>> STATUSES = named(TickerStatus.values());
    /** Text columns and the store column whose length bounds them. */
    private static final Map<String, Field<String>> TEXT = Map.of(CsvColumns.NAME_EN, TICKERS.NAME_EN,
            CsvColumns.NAME_KO, TICKERS.NAME_KO, CsvColumns.INDUSTRY, TICKERS.INDUSTRY, CsvColumns.YAHOO_SYMBOL,
            TICKERS.YAHOO_SYMBOL);

    private final GicsTaxonomy gics;
    private final Path file;
    private final int line;
    private final CSVRecord record;
    private final Set<String> columns;

    CsvRowReader(GicsTaxonomy gics, Path file, int line, CSVRecord record, Set<String> columns) {
        this.gics = gics;
        this.file = file;
        this.line = line;
        this.record = record;
        this.columns = columns;
    }

    CsvTicker ticker() {
        String exchangeText = cell(CsvColumns.EXCHANGE);
        Exchange exchange = Markets.exchange(exchangeText).filter(e -> !exchangeText.isEmpty())
                .orElseThrow(() -> fail("unknown exchange " + Messages.quote(exchangeText)));
        String regionText = cell(CsvColumns.REGION);
        if (!regionText.isEmpty()) {
            Region region = Region.parse(regionText)
                    .orElseThrow(() -> fail("unknown region " + Messages.quote(regionText)));
            if (region != exchange.region()) {
                throw fail("region " + region + " does not match exchange " + exchange.code() + " ("
                        + exchange.region() + ")");
            }
        }
        String typed = cell(CsvColumns.TICKER);
        String ticker = exchange.canonicalTicker(typed).orElseThrow(() -> fail("bad ticker " + Messages.quote(typed)
                + " for " + exchange.code() + ": " + exchange.tickerForm().rule()));
        return new CsvTicker(line, exchange, ticker, text(CsvColumns.NAME_EN), text(CsvColumns.NAME_KO),
                parsed(CsvColumns.SECURITY_TYPE, SecurityType::parse, SecurityType.STOCK), kisCode(), yahooSymbol(),
                sector(), text(CsvColumns.INDUSTRY), flag(CsvColumns.IS_SPAC), flag(CsvColumns.IS_PREFERRED),
                parsed(CsvColumns.SOURCE, CsvRowReader::source, null), confidence(),
                parsed(CsvColumns.STATUS, STATUSES, null),
                lastEnriched(),
                flag(CsvColumns.DELISTED));
    }

    private String cell(String column) {
        if (!columns.contains(column)) {
            return "";
        }
        String value = SpreadsheetCells.restored(record.get(column));
        if (value.indexOf('\0') >= 0) {
            throw fail(column + " holds a NUL character");
        }
        Field<String> stored = TEXT.get(column);
        if (stored != null && value.length() > stored.getDataType().length()) {
            throw fail(column + " is longer than " + stored.getDataType().length() + " characters");
        }
        return value;
    }

    private String text(String column) {
        String value = cell(column);
        return value.isEmpty() ? null : value;
    }

    private String yahooSymbol() {
        String value = cell(CsvColumns.YAHOO_SYMBOL).toUpperCase(Locale.ROOT);
        if (!value.isEmpty() && !YAHOO_SYMBOL.matcher(value).matches()) {
            throw fail("bad yahoo_symbol " + Messages.quote(value) + ": letters, digits and . - ^ =");
        }
        return value.isEmpty() ? null : value;
    }

    private String kisCode() {
        String code = cell(CsvColumns.KIS_CODE);
        if (!code.isEmpty() && !KIS_CODE.matcher(code).matches()) {
            throw fail("bad KIS code " + Messages.quote(code) + ": up to three digits, or blank for none");
        }
        return KisSectorMapping.normalise(code);
    }

    private GicsSector sector() {
        String code = cell(CsvColumns.SECTOR_CODE);
        return code.isEmpty() ? null
                : gics.sector(code).orElseThrow(() -> fail("unknown GICS sector code " + Messages.quote(code)));
    }

    private Boolean flag(String column) {
        String value = cell(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> throw fail(column + " must be true or false, not " + Messages.quote(cell(column)));
        };
    }

    private String confidence() {
        String value = cell(CsvColumns.CONFIDENCE).toUpperCase(Locale.ROOT);
        if (!value.isEmpty() && !CONFIDENCES.contains(value)) {
            throw fail("confidence must be HIGH, MEDIUM or LOW, not " + Messages.quote(cell(CsvColumns.CONFIDENCE)));
        }
        return value.isEmpty() ? null : value;
    }

    private LocalDateTime lastEnriched() {
        String value = cell(CsvColumns.LAST_ENRICHED);
        try {
            return value.isEmpty() ? null : CsvColumns.parseTime(value);
        } catch (DateTimeException e) {
            throw fail("last_enriched " + Messages.quote(value) + " is not yyyy-MM-dd HH:mm:ss");
        }
    }

    private <T> T parsed(String column, Function<String, Optional<T>> parse, T blank) {
        String value = cell(column);
        if (value.isEmpty()) {
            return blank;
        }
        return parse.apply(value).orElseThrow(() -> fail("unknown " + column + " " + Messages.quote(value)));
    }

    private UsageException fail(String message) {
        return CsvUniverseReader.problem(file, line, message);
    }

    /** Any well-formed source name: sources are pluggable, so a CSV may carry one this store has not seen yet. */
    private static Optional<Source> source(String text) {
        return Source.isValidName(text) ? Optional.of(Source.of(text)) : Optional.empty();
    }

    private static <E extends Enum<E>> Function<String, Optional<E>> named(E[] values) {
        Map<String, E> byName = Arrays.stream(values).collect(Collectors.toMap(Enum::name, v -> v));
        return text -> Optional.ofNullable(byName.get(text.toUpperCase(Locale.ROOT)));
    }
}
