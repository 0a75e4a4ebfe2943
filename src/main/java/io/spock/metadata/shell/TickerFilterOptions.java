package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.market.Markets;
import io.spock.metadata.store.TickerFilter;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.completion.CompletionProvider;
import org.springframework.shell.completion.CompletionResolver;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * The ticker filters shared by {@code tickers}, {@code export-csv} and {@code coverage-report}: declared here once
 * (added to every command method marked {@link WithTickerFilters}), read and checked here once, so that the same
 * filter selects the same tickers everywhere. Filters combine with AND; list filters take a comma list, or
 * {@code not:} and a comma list; flags take nothing (only those), {@code false} (all but those), or are left out.
 */
@Component
public class TickerFilterOptions {

    static final int DEFAULT_MAX_AGE_DAYS = 30;

    private final FilterValues values;
    private final BeanFactory beans;
    private final Clock clock;

    public TickerFilterOptions(FilterValues values, BeanFactory beans, Clock clock) {
        this.values = values;
        this.beans = beans;
        this.clock = clock;
    }

    /** Adds the filter options to a command being registered. */
    void declare(CommandRegistration.Builder command) {
        command.withOption().longNames("regions").type(String.class).arity(OptionArity.EXACTLY_ONE)
                .defaultValue("ALL").description("US,CN,HK,JP,VN or ALL").completion(completion("regionCompletion"));
        list(command, "exchange", "exchange codes: NAS, NYS, AMS, SHS, SZS, HKS, TSE, HSX, HNX", "exchangeCompletion");
        list(command, "sector", "GICS sector codes or names in any language the product knows (45, Financials, 금융)",
                "filterSectorCompletion");
        list(command, "source", "the deciding source: kis, yahoo, manual, …", "sourceCompletion");
        list(command, "confidence", "high, medium or low", "confidenceCompletion");
        list(command, "status", "pending, classified, not_applicable, not_found, failed, deferred", "statusCompletion");
        list(command, "kis-code", "KIS industry codes (720)", null);
        list(command, "name", "text the English or Korean name contains, any case", null);
        flag(command, "stale", "only classifications older than --max-age-days (manual fixes never are)");
        command.withOption().longNames("max-age-days").type(Integer.class).arity(OptionArity.EXACTLY_ONE)
                .defaultValue(String.valueOf(DEFAULT_MAX_AGE_DAYS))
                .description("age in days after which a classification is stale");
        flag(command, "delisted", "only delisted tickers; false: only listed ones");
        flag(command, "spac", "only SPACs; false: no SPACs");
        flag(command, "preferred", "only preferred shares; false: none");
        flag(command, "disagreement", "only tickers whose sources disagree; false: none of them");
    }

    /**
     * The filters given to a command.
     *
     * @param delistedByDefault what a left-out {@code --delisted} means: null for listed and delisted alike
     *                          ({@code export-csv}), false for listed only ({@code tickers}, {@code coverage-report})
     * @throws UsageException (exit 2) naming the first bad value and the valid ones
     */
    public TickerFilter read(CommandContext context, Boolean delistedByDefault) {
        int maxAgeDays = context.getOptionValue("max-age-days");
        if (maxAgeDays < 0) {
            throw new UsageException("--max-age-days must be 0 or more, not " + maxAgeDays);
        }
        Boolean delisted = flag(context, "delisted");
        return TickerFilter.builder()
                .regions(Markets.parseRegions(context.getOptionValue("regions")))
                .exchanges(FilterValues.exchanges(context.getOptionValue("exchange")))
                .sectors(values.sectors(context.getOptionValue("sector")))
                .sources(values.sources(context.getOptionValue("source")))
                .confidences(FilterValues.confidences(context.getOptionValue("confidence")))
                .statuses(FilterValues.statuses(context.getOptionValue("status")))
                .kisCodes(FilterValues.kisCodes(context.getOptionValue("kis-code")))
                .names(FilterValues.names(context.getOptionValue("name")))
                .stale(Boolean.TRUE.equals(flag(context, "stale")),
                        LocalDateTime.now(clock).minusDays(maxAgeDays))
                .delisted(delisted != null ? delisted : delistedByDefault)
                .spac(flag(context, "spac"))
                .preferred(flag(context, "preferred"))
                .disagreement(flag(context, "disagreement"))
                .build();
    }

    private void list(CommandRegistration.Builder command, String name, String description, String completion) {
        CommandRegistration.OptionSpec option = command.withOption().longNames(name).type(String.class)
                .arity(OptionArity.EXACTLY_ONE).description(description + "; a comma list, or not: and a list");
        if (completion != null) {
            option.completion(completion(completion));
        }
    }

    /** A completion provider bean by name, looked up when Tab is pressed, as {@code @OptionValues} does. */
    private CompletionResolver completion(String provider) {
        return context -> beans.getBean(provider, CompletionProvider.class).apply(context);
    }

    /** A flag that may take a value: given alone it means true ({@code --spac}); {@code --spac false} excludes. */
    private static void flag(CommandRegistration.Builder command, String name, String description) {
        command.withOption().longNames(name).type(String.class).arity(OptionArity.ZERO_OR_ONE)
                .description(description);
    }

    /** True, false, or null when the flag is left out; a value other than true/false/yes/no is refused. */
    private static Boolean flag(CommandContext context, String name) {
        if (!context.hasMappedOption(name)) {
            return null;
        }
        String value = context.getOptionValue(name);
        if (value == null) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new UsageException("--" + name + " takes true or false (or nothing, for true), not '"
                    + value + "'");
        };
    }
}
