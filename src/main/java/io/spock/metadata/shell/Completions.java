package io.spock.metadata.shell;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.store.ReviewReason;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.market.Region;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.store.TickerLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

    /** GICS codes and English and Korean sector names; multi-word names are quoted by the shell. */
    @Bean
    public CompletionProvider sectorCompletion(ObjectProvider<GicsTaxonomy> gics) {
        return context -> {
            List<String> choices = new ArrayList<>();
            gics.getObject().sectors().forEach(s -> {
                choices.add(s.code());
                choices.add(s.nameEn());
                choices.add(s.nameKo());
            });
            return listProposals(context, choices);
        };
    }

    static List<CompletionProposal> listProposals(CompletionContext context, List<String> choices) {
        String current = current(context);
        int comma = current.lastIndexOf(',');
        String head = current.substring(0, comma + 1);
        String prefix = current.substring(comma + 1).toUpperCase(Locale.ROOT);
        return choices.stream()
                .filter(choice -> choice.toUpperCase(Locale.ROOT).startsWith(prefix))
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
