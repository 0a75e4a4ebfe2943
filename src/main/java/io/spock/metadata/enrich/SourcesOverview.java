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
     * @param note      why a source takes no part (not enabled in {@code sources.json}, switched off by its setting,
     *                  a required setting missing); null when it takes part
     */
    public record Line(Source source, String kind, boolean enabled, String list, Instant lastFetch, Duration age,
                       Integer rows, int answered, double share, String lastError, String note) {
    }

    static final String NOT_IN_POLICY = "not enabled in config/" + SourcePolicy.FILE;

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
                        null, null, answered, share, null, policy.enabled(id) ? null : NOT_IN_POLICY));
                continue;
            }
            BulkSource s = source.get();
            String note = offReason(policy, s).orElse(null);
            for (BulkSource.ListStatus list : s.lists()) {
                ListMeta m = list.meta();
                lines.add(new Line(id, s.perTicker() ? "per ticker" : "bulk", note == null, list.list(),
                        m.fetchedAt(), m.checkedAt() == null ? null : Duration.between(m.checkedAt(), now),
                        m.hasCopy() || m.rows() > 0 ? m.rows() : null, answered, share, m.lastError(), note));
            }
        }
        return lines;
    }

    /**
     * Downloads the lists of one source, or of every bulk source that takes part, now.
     *
     * @param name a source's name ({@code jpx}); null for all
     * @return one line per list that could not be refreshed, and one for a named source that takes no part (it is
     *         not downloaded)
     * @throws io.spock.metadata.app.UsageException (exit 2) when no bulk source has that name
     * @throws io.spock.metadata.classify.MappingFileException (exit 2) when the policy file is bad
     */
    public List<String> refresh(String name) {
        SourcePolicy policy = SourcePolicy.load(policyFile, PipelineFactory.builtInSources());
        if (name != null) {
            Source id = Source.isValidName(name) ? Source.of(name) : null;
            BulkSource source = bulk(id).orElseThrow(() -> new UsageException(
                    "unknown bulk source '" + name + "' (known: " + String.join(", ", bulk.sources().stream()
                            .map(s -> s.id().key()).toList()) + ")"));
            Optional<String> off = offReason(policy, source);
            return off.isPresent() ? List.of(source.id().key() + ": not refreshed: " + off.get()) : source.refresh();
        }
        List<String> problems = new ArrayList<>();
        for (BulkSource source : bulk.sources()) {
            if (offReason(policy, source).isEmpty()) {
                problems.addAll(source.refresh());
            }
        }
        return problems;
    }

    private static Optional<String> offReason(SourcePolicy policy, BulkSource source) {
        return policy.enabled(source.id()) ? source.offReason() : Optional.of(NOT_IN_POLICY);
    }

    private Optional<BulkSource> bulk(Source id) {
        return bulk.sources().stream().filter(s -> s.id() == id).findFirst();
    }
}
