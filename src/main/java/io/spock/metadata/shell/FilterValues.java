package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.enrich.PipelineFactory;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.store.Selection;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.TickerQuery;
import io.spock.metadata.store.TickerStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the values of the list filters ({@code --sector 40,60}, {@code --source not:kis}) and checks each one: an
 * unknown value is refused with one line naming the option and the valid values (exit 2). A list that starts with
 * {@code not:} selects everything but its values.
 */
@Component
public class FilterValues {

    /** The prefix that turns a list filter around: {@code --sector not:Financials}. */
    static final String NOT = "not:";

    private final ObjectProvider<GicsTaxonomy> gics;
    private final TickerQuery tickers;

    public FilterValues(ObjectProvider<GicsTaxonomy> gics, TickerQuery tickers) {
        this.gics = gics;
        this.tickers = tickers;
    }

    /** GICS sectors by code or by any name or alias the taxonomy knows (English, Korean, …). */
    public Selection<String> sectors(String text) {
        GicsTaxonomy taxonomy = gics.getObject();
        return list("sector", text, value -> taxonomy.resolveSector(value).map(GicsSector::code),
                value -> "a GICS sector code (10-60) or name; closest: "
                        + String.join(", ", taxonomy.closestSectorNames(value, 3)));
    }

    /** Source names: {@code manual}, the sources this build implements, and any other a stored ticker names. */
    public Selection<Source> sources(String text) {
        if (text == null) {
            return Selection.all();
        }
        List<String> known = sourceNames();
        return list("source", text, value -> known.contains(value.trim().toLowerCase(Locale.ROOT))
                ? Optional.of(Source.of(value)) : Optional.empty(), value -> "choose " + choices(known));
    }

    /** Every source name a filter accepts, in lower case, sorted. */
    public List<String> sourceNames() {
        TreeSet<String> names = new TreeSet<>();
        names.add(Source.MANUAL.key());
        PipelineFactory.builtInSources().forEach(s -> names.add(s.key()));
        tickers.sources().forEach(s -> names.add(s.key()));
        return List.copyOf(names);
    }

    public static Selection<String> exchanges(String text) {
        return list("exchange", text, value -> Markets.exchange(value).map(Exchange::code),
                value -> "choose " + choices(exchangeCodes()));
    }

    public static Selection<Confidence> confidences(String text) {
        return list("confidence", text, Confidence::parse, value -> "choose high, medium or low");
    }

    public static Selection<TickerStatus> statuses(String text) {
        return list("status", text, FilterValues::status, value -> "choose " + choices(statusNames()));
    }

    /** KIS industry codes of up to three digits, padded ({@code 10} is {@code 010}). */
    public static Selection<String> kisCodes(String text) {
        return list("kis-code", text, value -> value.trim().matches("\\d{1,3}")
                ? Optional.of(KisSectorMapping.normalise(value)) : Optional.empty(),
                value -> "a KIS industry code is up to three digits, such as 720");
    }

    /** Texts a name contains: any text is valid, but not an empty one. */
    public static Selection<String> names(String text) {
        return list("name", text, value -> Optional.of(value.trim()), value -> "");
    }

    public static List<String> exchangeCodes() {
        return Markets.exchanges().stream().map(Exchange::code).toList();
    }

    public static List<String> statusNames() {
        return Arrays.stream(TickerStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** {@code a, b or c}. */
    static String choices(List<String> values) {
        if (values.size() < 2) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    private static Optional<TickerStatus> status(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(TickerStatus.values()).filter(s -> s.name().equals(wanted)).findFirst();
    }

    /**
     * A comma list, or {@code not:} and a comma list; nothing given selects everything.
     *
     * @param hint what to say after an unknown value: the valid values, or the closest ones
     */
    private static <T> Selection<T> list(String option, String text, Function<String, Optional<T>> parse,
                                         Function<String, String> hint) {
        if (text == null) {
            return Selection.all();
        }
        String values = text.strip();
        boolean excluded = values.regionMatches(true, 0, NOT, 0, NOT.length());
        if (excluded) {
            values = values.substring(NOT.length());
        }
        List<T> parsed = new ArrayList<>();
        for (String value : values.split(",")) {
            if (value.isBlank()) {
                continue;
            }
            parsed.add(parse.apply(value).orElseThrow(() -> new UsageException("unknown --" + option + " '"
                    + value.trim() + "': " + hint.apply(value.trim()))));
        }
        if (parsed.isEmpty()) {
            throw new UsageException("--" + option + " needs a value" + (excluded ? " after " + NOT : ""));
        }
        return excluded ? Selection.noneOf(parsed) : Selection.anyOf(parsed);
    }
}
