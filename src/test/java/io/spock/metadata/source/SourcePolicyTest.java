package io.spock.metadata.source;

import io.spock.metadata.classify.Confidence;
import io.spock.metadata.classify.GicsSector;
import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.MappingFileException;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decision policy: precedence, ties, disagreement, low answers, and the policy file's errors. */
class SourcePolicyTest {

    private static final GicsTaxonomy GICS = GicsTaxonomy.load();
    private static final Source BULK = Source.of("BULK");
    private static final SourcePolicy POLICY = new SourcePolicy(List.of(Source.KIS, BULK, Source.PARENT,
            Source.YAHOO));

    @TempDir
    Path dir;

    /**
     * Each case: the answers as {@code source:sector:confidence} separated by spaces ({@code -} for no sector),
     * the winning source and sector ({@code -} for none), whether the ticker is settled, whether sources disagree.
     */
    @ParameterizedTest(name = "{0} -> {1} settled={2} disagreement={3}")
    @CsvSource(delimiter = '|', value = {
            "kis:45:high                              | kis:45    | true  | false",
            "kis:45:low                               | kis:45    | false | false",
            "kis:45:low yahoo:40:high                 | yahoo:40  | true  | false",
            "kis:45:medium yahoo:40:high              | yahoo:40  | true  | true",
            "kis:45:medium bulk:45:medium             | kis:45    | true  | false",
            "kis:45:medium bulk:25:medium             | kis:45    | true  | true",
            "bulk:25:medium kis:45:medium             | kis:45    | true  | true",
            "kis:45:low bulk:25:low                   | kis:45    | false | false",
            "kis:45:low bulk:25:medium                | bulk:25   | true  | false",
            "yahoo:45:high parent:40:high             | parent:40 | true  | true",
            "kis:-:- yahoo:-:-                        | -         | false | false",
            "kis:45:low yahoo:-:-                     | kis:45    | false | false",
            "kis:45:high bulk:25:low                  | kis:45    | true  | false",
    })
    void theHighestConfidenceWinsTiesGoByOrderAndMediumAnswersThatDifferDisagree(String answers, String winner,
                                                                                 boolean settled,
                                                                                 boolean disagreement) {
        Decision decision = POLICY.decide(parse(answers));

        assertThat(decision.winner().map(a -> a.source().key() + ":" + a.sector().code()).orElse("-"))
                .isEqualTo(winner);
        assertThat(decision.settled()).isEqualTo(settled);
        assertThat(decision.disagreement()).isEqualTo(disagreement);
    }

    @Test
    void aLowAnswerStandsAloneWhenNothingElseAnswers() {
        Decision decision = POLICY.decide(parse("kis:60:low"));

        assertThat(decision.winner()).map(a -> a.sector().code()).contains("60");
        assertThat(decision.settled()).as("the next source is still asked").isFalse();
    }

    @Test
    void theShippedPolicyFileAsksTheKnownListThenKisThenYahoo() {
        SourcePolicy shipped = SourcePolicy.load(Path.of("config", SourcePolicy.FILE),
                io.spock.metadata.enrich.PipelineFactory.builtInSources());

        assertThat(shipped.order()).startsWith(KnownClassificationSource.KNOWN, Source.KIS).endsWith(Source.YAHOO);
        assertThat(shipped.enabled(Source.MANUAL)).as("manual is not a source that answers in a run").isFalse();
    }

    @Test
    void disabledSourcesAreLeftOut() throws IOException {
        Path file = policy("""
                {"sources": [
                  {"name": "kis"},
                  {"name": "yahoo", "enabled": false}
                ]}""");

        assertThat(SourcePolicy.load(file, List.of(Source.KIS, Source.YAHOO)).order()).containsExactly(Source.KIS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"bloomberg\"}                     | 3 | unknown source 'bloomberg' (known: kis, manual, yahoo)",
            "{\"name\": \"kis\"}, {\"name\": \"KIS\"}      | 3 | source 'kis' is listed twice",
            "{\"name\": \"yahoo\", \"enabled\": \"yes\"}   | 3 | \"enabled\" must be true or false",
            "{\"name\": \"kis\"}, {\"name\": \"manual\"}   | 3 | list 'manual' first",
            "{\"name\": \"manual\", \"enabled\": false}    | 3 | list 'manual' first",
            "{\"enabled\": true}                           | 3 | missing \"name\"",
    })
    void aBadPolicyFileIsOneLineNamingTheFileAndLine(String entries, int line, String message) throws IOException {
        Path file = policy("{\n  \"sources\": [\n    " + entries + "\n  ]\n}\n");

        assertThatThrownBy(() -> SourcePolicy.load(file, List.of(Source.KIS, Source.YAHOO)))
                .isInstanceOf(MappingFileException.class)
                .hasMessageStartingWith(file + " line " + line + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void invalidJsonNamesTheLine() throws IOException {
        Path file = policy("{\n  \"sources\": [\n    {\"name\": \"kis\",}\n  ]\n}\n");

        assertThatThrownBy(() -> SourcePolicy.load(file, List.of(Source.KIS)))
                .isInstanceOf(MappingFileException.class).hasMessageContaining("line 3: invalid JSON");
    }

    private Path policy(String json) throws IOException {
        Path file = dir.resolve("sources.json");
        Files.writeString(file, json);
        return file;
    }

    /** {@code source:sector:confidence ...}; {@code -} for a source that answered without a sector. */
    static List<Answer> parse(String answers) {
        List<Answer> parsed = new ArrayList<>();
        for (String part : answers.trim().split("\\s+")) {
            String[] f = part.split(":");
            Source source = Source.of(f[0]);
            if (f[1].equals("-")) {
                parsed.add(Answer.without(source, Verdict.NONE, "nothing", Instant.EPOCH));
            } else {
                GicsSector sector = GICS.sector(f[1]).orElseThrow();
                parsed.add(Answer.sector(source, sector, Confidence.parse(f[2]).orElseThrow(), null, null, null,
                        Instant.EPOCH));
            }
        }
        return parsed;
    }
}
