package io.spock.metadata.shell;

import io.spock.metadata.enrich.PipelineFactory;
import io.spock.metadata.store.Source;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-source count columns of {@code status} and {@code coverage-report}: every source this build implements
 * and {@code manual}, always, so that CSV columns stay put; then any other source found in the data (from an
 * imported CSV), in name order.
 */
final class SourceColumns {

    private SourceColumns() {
    }

    static List<Source> of(Collection<Map<Source, Integer>> counts) {
        Set<Source> columns = new LinkedHashSet<>(PipelineFactory.builtInSources());
        columns.add(Source.MANUAL);
        counts.stream().flatMap(c -> c.keySet().stream()).sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(columns::add);
        return List.copyOf(columns);
    }
}
