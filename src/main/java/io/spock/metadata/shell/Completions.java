package io.spock.metadata.shell;

import io.spock.metadata.classify.DisplayLanguage;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.store.ReviewReason;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.store.TickerColumn;
import io.spock.metadata.store.TickerLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Completion providers named in {@code @OptionValues}: regions, output formats and tickers from the database.
 * Comma lists complete their last item ({@code US,C<Tab>} → {@code US,CN}).
 */
@Configuration(proxyBeanMethods = false)
public class Completions {

    /** Enough to fill a screen; more would only slow the terminal. */
    static final int MAX_TICKERS = 50;

    @Bean
    public CompletionProvider regionCompletion() {
        return context -> listProposals(context, Markets.regionChoices());
    }

    @Bean
    public CompletionProvider formatCompletion() {
        return context -> listProposals(context, OutputFormat.names());
    }

    /** The languages {@code --lang} takes. */
    @Bean
    public CompletionProvider langCompletion() {
        return context -> listProposals(context, DisplayLanguage.tags());
    }

    /** KIS master-file codes of the exchanges (nas, hks, …) and ALL, for import-master and kis-codes. */
    @Bean
    public CompletionProvider marketCompletion() {
        List<String> choices = new ArrayList<>(Markets.exchanges().stream().map(Exchange::masterCode).toList());
        choices.add("ALL");
        return context -> listProposals(context, choices);
    }

    /** The bulk sources' names, for {@code sources refresh NAME}. */
    @Bean
    public CompletionProvider bulkSourceCompletion() {
        return context -> listProposals(context, List.of("jpx", "nasdaq", "sec", "yahoo_screener"));
    }

    @Bean
    public CompletionProvider dimensionCompletion() {
        return context -> listProposals(context, List.of("sector", "source", "exchange"));
    }

    /** The review queue's reasons, also inside comma lists. */
    @Bean
    public CompletionProvider reviewReasonCompletion() {
        return context -> listProposals(context, Arrays.stream(ReviewReason.values()).map(ReviewReason::option)
                .toList());
    }

    @Bean
    public CompletionProvider tickerCompletion(TickerLookup tickers) {
        return context -> {
            String current = current(context);
            int comma = current.lastIndexOf(',');
            String head = current.substring(0, comma + 1);
            String prefix = current.substring(comma + 1);
            Region region = regionOption(context.getWords());
            return tickers.startingWith(prefix, region, MAX_TICKERS).stream()
                    .map(ticker -> new CompletionProposal(head + ticker).displayText(ticker))
                    .toList();
        };
    }

    /**
     * Files and folders by the typed path's prefix; a folder stays open for more ({@code /tmp/<Tab>}). Paths with
     * spaces are inserted quoted by the shell's parser, like every value with spaces.
     */
    @Bean
    public CompletionProvider fileCompletion() {
        return context -> {
            String typed = current(context);
            int slash = typed.lastIndexOf('/');
            String folder = slash < 0 ? "" : typed.substring(0, slash + 1);
            String prefix = typed.substring(slash + 1);
            Path dir = Path.of(folder.isEmpty() ? "." : folder);
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.map(p -> p.getFileName().toString())
                        .filter(name -> name.startsWith(prefix) && (!name.startsWith(".") || prefix.startsWith(".")))
                        .sorted().limit(MAX_TICKERS)
                        .map(name -> Files.isDirectory(dir.resolve(name))
                                ? new CompletionProposal(folder + name + "/").displayText(name + "/").complete(false)
                                : new CompletionProposal(folder + name).displayText(name))
                        .toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        };
    }

    /** GICS codes and sector names (see {@link #sectorProposals}); multi-word names are quoted by the shell. */
    @Bean
    public CompletionProvider sectorCompletion(ObjectProvider<GicsTaxonomy> gics, LangOption langs) {
        return context -> sectorProposals(context, gics.getObject(), langs, Completions::listProposals);
    }

    /** The sector filter's values, also after {@code not:} ({@code --sector not:Fin<Tab>}). */
    @Bean
    public CompletionProvider filterSectorCompletion(ObjectProvider<GicsTaxonomy> gics, LangOption langs) {
        return context -> sectorProposals(context, gics.getObject(), langs, Completions::filterProposals);
    }

    /** Sources a ticker filter accepts: manual, the built-in ones and any a stored ticker names. */
    @Bean
    public CompletionProvider sourceCompletion(FilterValues values) {
        return context -> filterProposals(context, values.sourceNames());
    }

    @Bean
    public CompletionProvider exchangeCompletion() {
        return context -> filterProposals(context, FilterValues.exchangeCodes());
    }

    @Bean
    public CompletionProvider statusCompletion() {
        return context -> filterProposals(context, FilterValues.statusNames());
    }

    @Bean
    public CompletionProvider confidenceCompletion() {
        return context -> filterProposals(context, List.of("high", "medium", "low"));
    }

    /** The columns {@code tickers --sort} takes. */
    @Bean
    public CompletionProvider tickerColumnCompletion() {
        return context -> listProposals(context, TickerColumn.labels());
    }

    /**
     * GICS codes and the sector names in the display language ({@link LangOption#forCompletion}); when none of them
     * starts with what is typed, the names of every language that do ({@code 信<Tab>} on an English display).
     */
    private static List<CompletionProposal> sectorProposals(
            CompletionContext context, GicsTaxonomy gics, LangOption langs,
            BiFunction<CompletionContext, List<String>, List<CompletionProposal>> proposals) {
        List<String> shown = new ArrayList<>(gics.sectors().stream().map(GicsSector::code).toList());
        shown.addAll(gics.names(langs.forCompletion(context.getWords())));
        List<CompletionProposal> found = proposals.apply(context, shown);
        if (!found.isEmpty()) {
            return found;
        }
        Set<String> every = new LinkedHashSet<>();
        for (DisplayLanguage language : DisplayLanguage.values()) {
            every.addAll(gics.names(language));
        }
        return proposals.apply(context, List.copyOf(every));
    }

    /** Like {@link #listProposals}, keeping a leading {@code not:} (see {@link FilterValues}). */
    static List<CompletionProposal> filterProposals(CompletionContext context, List<String> choices) {
        String current = current(context);
        int cut = current.lastIndexOf(',') + 1;
        if (cut == 0 && current.regionMatches(true, 0, FilterValues.NOT, 0, FilterValues.NOT.length())) {
            cut = FilterValues.NOT.length();
        }
        return proposals(current.substring(0, cut), current.substring(cut), choices);
    }

    static List<CompletionProposal> listProposals(CompletionContext context, List<String> choices) {
        String current = current(context);
        int cut = current.lastIndexOf(',') + 1;
        return proposals(current.substring(0, cut), current.substring(cut), choices);
    }

    /** The choices starting with {@code prefix} (any case), each after what the word already holds. */
    private static List<CompletionProposal> proposals(String head, String prefix, List<String> choices) {
        String wanted = prefix.toUpperCase(Locale.ROOT);
        return choices.stream()
                .filter(choice -> choice.toUpperCase(Locale.ROOT).startsWith(wanted))
                .map(choice -> new CompletionProposal(head + choice).displayText(choice))
                .toList();
    }

    private static String current(CompletionContext context) {
        String word = context.currentWordUpToCursor();
        return word == null ? "" : word;
    }

    /** The single region named by {@code --region} earlier on the line, to scope ticker completion. */
    private static Region regionOption(List<String> words) {
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals("--region")) {
                return Region.parse(words.get(i + 1)).orElse(null);
            }
        }
        return null;
    }
}
