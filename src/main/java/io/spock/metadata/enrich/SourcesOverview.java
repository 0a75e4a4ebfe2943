package io.spock.metadata.enrich;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.bulk.ListMeta;
import io.spock.metadata.source.BulkSource;
import io.spock.metadata.source.SourcePolicy;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.SourceShares;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code sources} command shows and does: every source with whether it takes part, and for each bulk
 * list its last fetch, age, rows and last error; the share of the listed universe each source answers; and
 * {@code sources refresh [NAME]}.
 */
public final class SourcesOverview {

    /**
     * One line of the overview: a source, and one of its lists when it keeps any.
     *
     * @param kind      {@code local}, {@code bulk} or {@code per ticker}
     * @param enabled   listed and enabled in {@code config/sources.json}, and switched on by its setting
     * @param list      the list's cache name, null for sources without lists
     * @param age       since the list was last confirmed current, null when never
     * @param answered  listed tickers whose kept answer from this source names a sector
     * @param share     {@code answered} / listed tickers, 0–1
     */
    public record Line(Source source, String kind, boolean enabled, String list, Instant lastFetch, Duration age,
                       Integer rows, int answered, double share, String lastError) {
    }

    private final BulkSources bulk;
    private final Path policyFile;
    private final SourceShares shares;
    private final Clock clock;

    public SourcesOverview(BulkSources bulk, Path policyFile, SourceShares shares, Clock clock) {
        this.bulk = bulk;
        this.policyFile = policyFile;
        this.shares = shares;
        this.clock = clock;
    }

    /** @throws io.spock.metadata.classify.MappingFileException (exit 2) when the policy or a crosswalk file is bad */
    public List<Line> lines() {
        SourcePolicy policy = SourcePolicy.load(policyFile, PipelineFactory.builtInSources());
        SourceShares.Shares counted = shares.count();
        Instant now = clock.instant();
        List<Line> lines = new ArrayList<>();
        for (Source id : PipelineFactory.builtInSources()) {
            int answered = counted.answered(id);
            double share = counted.listed() == 0 ? 0 : answered / (double) counted.listed();
            Optional<BulkSource> source = bulk(id);
            if (source.isEmpty()) {
                lines.add(new Line(id, id == Source.YAHOO ? "per ticker" : "local", policy.enabled(id), null, null,
                        null, null, answered, share, null));
                continue;
            }
            BulkSource s = source.get();
            boolean enabled = policy.enabled(id) && s.switchedOn();
            for (BulkSource.ListStatus list : s.lists()) {
                ListMeta m = list.meta();
                lines.add(new Line(id, s.perTicker() ? "per ticker" : "bulk", enabled, list.list(), m.fetchedAt(),
                        m.checkedAt() == null ? null : Duration.between(m.checkedAt(), now),
                        m.hasCopy() || m.rows() > 0 ? m.rows() : null, answered, share, m.lastError()));
            }
        }
        return lines;
    }

    /**
     * Downloads the lists of one source, or of every enabled bulk source, now.
     *
     * @param name a source's name ({@code jpx}); null for all
     * @return one line per list that could not be refreshed
     * @throws io.spock.metadata.app.UsageException (exit 2) when no bulk source has that name
     */
    public List<String> refresh(String name) {
        List<String> problems = new ArrayList<>();
        if (name != null) {
            Source id = Source.isValidName(name) ? Source.of(name) : null;
            BulkSource source = bulk(id).orElseThrow(() -> new UsageException(
                    "unknown bulk source '" + name + "' (known: " + String.join(", ", bulk.sources().stream()
                            .map(s -> s.id().key()).toList()) + ")"));
            return source.refresh();
        }
        for (BulkSource source : bulk.sources()) {
            if (source.switchedOn()) {
                problems.addAll(source.refresh());
            }
        }
        return problems;
    }

    private Optional<BulkSource> bulk(Source id) {
        return bulk.sources().stream().filter(s -> s.id() == id).findFirst();
    }
}
