package io.spock.metadata.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.JsonEntries;
import io.spock.metadata.classify.MappingFileException;
import io.spock.metadata.store.Source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decision policy, read from {@code config/sources.json}: which sources take part and in what order.
 * <ul>
 *   <li>a manual fix always wins (it is never overwritten by enrichment, see {@link Source#notManual()});</li>
 *   <li>otherwise the answer with the highest {@link Confidence} wins, and ties go by the configured order;</li>
 *   <li>two answers of at least medium confidence with different sectors mark a disagreement;</li>
 *   <li>an answer of medium or high confidence stands alone; a low one only when nothing else answers, or when a
 *       second source names the same sector (then no per-ticker source is asked).</li>
 * </ul>
 */
public final class SourcePolicy {

    public static final String FILE = "sources.json";

    private final List<Source> order;
    private final Map<Source, Integer> rank = new HashMap<>();

    /** @param order the enabled sources, first wins ties ({@code manual} not among them) */
    public SourcePolicy(List<Source> order) {
        this.order = List.copyOf(order);
        for (int i = 0; i < this.order.size(); i++) {
            if (rank.putIfAbsent(this.order.get(i), i) != null) {
                throw new IllegalArgumentException("source listed twice: " + this.order.get(i));
            }
        }
    }

    /**
     * Reads the policy file.
     *
     * @param known the sources this build implements (by name); {@code manual} is always known
     * @throws MappingFileException (exit 2) naming the file and line: invalid JSON, missing or unknown name,
     *                              a name listed twice, {@code enabled} not true or false, {@code manual} not first
     *                              or disabled
     */
    public static SourcePolicy load(Path file, Collection<Source> known) {
        List<Source> enabled = new ArrayList<>();
        Set<Source> seen = new HashSet<>();
        List<JsonEntries.Entry> entries = JsonEntries.read(file, "sources");
        for (int i = 0; i < entries.size(); i++) {
            JsonEntries.Entry entry = entries.get(i);
            String name = JsonEntries.text(file, entry, "name");
            String where = file + " line " + entry.line() + ": ";
            if (!Source.isValidName(name) || !(known.contains(Source.of(name)) || Source.of(name) == Source.MANUAL)) {
                Set<String> names = new TreeSet<>();
                known.forEach(s -> names.add(s.key()));
                names.add(Source.MANUAL.key());
                throw new MappingFileException(where + "unknown source '" + name + "' (known: "
                        + String.join(", ", names) + ")");
            }
            Source source = Source.of(name);
            if (!seen.add(source)) {
                throw new MappingFileException(where + "source '" + source.key() + "' is listed twice");
            }
            boolean on = enabled(file, entry);
            if (source == Source.MANUAL) {
                if (i != 0 || !on) {
                    throw new MappingFileException(where + "a manual fix always wins: list 'manual' first, enabled,"
                            + " or leave it out");
                }
                continue;
            }
            if (on) {
                enabled.add(source);
            }
        }
        return new SourcePolicy(enabled);
    }

    private static boolean enabled(Path file, JsonEntries.Entry entry) {
        JsonNode value = entry.node().get("enabled");
        if (value == null) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new MappingFileException(file + " line " + entry.line() + ": \"enabled\" must be true or false, not "
                    + value);
        }
        return value.asBoolean();
    }

    /** The enabled sources, in order (ties go to the first). */
    public List<Source> order() {
        return order;
    }

    public boolean enabled(Source source) {
        return rank.containsKey(source);
    }

    /**
     * The winner and whether the answers disagree.
     *
     * @param answers the answers about one ticker, from any of the enabled sources, in any order
     */
    public Decision decide(List<Answer> answers) {
        Optional<Answer> winner = answers.stream().filter(Answer::hasSector)
                .max(Comparator.comparing(Answer::confidence)
                        .thenComparing(a -> -rank.getOrDefault(a.source(), Integer.MAX_VALUE)));
        boolean confirmed = winner.isPresent() && answers.stream().anyMatch(a -> a.hasSector()
                && a.source() != winner.get().source() && a.sector().equals(winner.get().sector()));
        return new Decision(winner, disagree(answers), confirmed, answers);
    }

    /** Two answers of at least medium confidence with different sectors. */
    public static boolean disagree(Collection<Answer> answers) {
        return answers.stream().filter(Answer::standsAlone).map(a -> a.sector().code()).distinct().count() > 1;
    }
}
