package io.spock.metadata.bulk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings a bulk list up to date, at most once per maximum age, and never makes things worse:
 * <ul>
 *   <li>a copy younger than its maximum age is used as it is, without a request;</li>
 *   <li>otherwise it is downloaded, conditionally when the kept copy has an {@code ETag} or {@code Last-Modified}
 *       (a 304 only renews the kept copy's age);</li>
 *   <li>a new copy that does not parse, or whose row count falls more than 10 % below the last good one, is refused:
 *       nothing is written from it, the last good copy stays in use, and one warning line names the list and why;</li>
 *   <li>a failed download does the same.</li>
 * </ul>
 * Parsed copies are remembered by their SHA-256, so that regions and retries of one run parse a list once.
 */
public final class ListRefresher {

    /** A new copy may hold at most this much fewer rows than the last good one. */
    public static final double MAX_ROW_DROP = 0.10;

    private static final Logger log = LoggerFactory.getLogger(ListRefresher.class);

    private final ListCache cache;
    private final Clock clock;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String sha256, Object list) {
    }

    public ListRefresher(ListCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    public ListCache cache() {
        return cache;
    }

    /**
     * The list to use now.
     *
     * @param force download even when the kept copy is younger than its maximum age ({@code sources refresh})
     */
    public synchronized <T> Loaded<T> load(BulkList<T> spec, boolean force) {
        ListMeta meta = cache.meta(spec.name(), spec.url());
        Optional<T> kept = kept(spec, meta);
        Instant now = clock.instant();
        if (kept.isPresent() && !force && meta.checkedAt() != null
                && Duration.between(meta.checkedAt(), now).compareTo(spec.maxAge()) < 0) {
            return new Loaded<>(kept, meta, Optional.empty(), 0);
        }
        Download download = spec.fetcher().fetch(kept.isPresent() ? ListHttp.Conditional.of(meta)
                : ListHttp.Conditional.NONE);
        if (download instanceof Download.Body body) {
            return accept(spec, meta, kept, body, now, force);
        }
        if (download instanceof Download.Failed failed) {
            return refused(spec, meta, kept, failed.reason(), failed.requests(), force);
        }
        if (kept.isEmpty()) {
            return refused(spec, meta, kept, "304 Not Modified without a kept copy", 1, force);
        }
        ListMeta renewed = meta.checked(now);
        cache.note(spec.name(), renewed);
        return new Loaded<>(kept, renewed, Optional.empty(), 1);
    }

    private <T> Loaded<T> accept(BulkList<T> spec, ListMeta meta, Optional<T> kept, Download.Body body, Instant now,
                                 boolean force) {
        T list;
        try {
            list = spec.parser().parse(body.data());
        } catch (ListFormatException e) {
            return refused(spec, meta, kept, "does not parse: " + e.getMessage(), body.requests(), force);
        }
        int rows = spec.parser().rows(list);
        if (meta.hasCopy() && kept.isPresent() && rows < meta.rows() * (1 - MAX_ROW_DROP)) {
            return refused(spec, meta, kept, rows + " rows, more than 10 % below the last good copy's " + meta.rows(),
                    body.requests(), force);
        }
        String sha = sha256(body.data());
        ListMeta fresh = new ListMeta(spec.url(), now, now, body.etag(), body.lastModified(), sha, rows,
                body.data().length, null, null);
        try {
            cache.keep(spec.name(), body.data(), fresh);
        } catch (UncheckedIOException e) {
            log.warn("{}: new list not kept ({}); using it for this run only", spec.name(), e.getMessage());
        }
        parsed.put(spec.name(), new Parsed(sha, list));
        return new Loaded<>(Optional.of(list), fresh, Optional.empty(), body.requests());
    }

    /**
     * A refresh that brought nothing usable. During a run the warning line is logged here; a forced refresh
     * ({@code sources refresh}) leaves the reporting to its caller, with what happens next in the problem's line.
     */
    private <T> Loaded<T> refused(BulkList<T> spec, ListMeta meta, Optional<T> kept, String reason, int requests,
                                  boolean force) {
        String problem = spec.name() + ": " + reason;
        ListMeta noted = meta.failed(reason, clock.instant());
        try {
            cache.note(spec.name(), noted);
        } catch (UncheckedIOException e) {
            log.debug("{}: cannot record the failure: {}", spec.name(), e.getMessage());
        }
        String next = kept.isPresent() ? "kept the last good copy of " + meta.fetchedAt()
                : "no copy to fall back on: its tickers go to the next source";
        if (force) {
            return new Loaded<>(kept, noted, Optional.of(problem + "; " + next), requests);
        }
        log.warn("{}; {}", problem, next);
        return new Loaded<>(kept, noted, Optional.of(problem), requests);
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> kept(BulkList<T> spec, ListMeta meta) {
        if (!meta.hasCopy()) {
            return Optional.empty();
        }
        Parsed known = parsed.get(spec.name());
        if (known != null && known.sha256().equals(meta.sha256())) {
            return Optional.of((T) known.list());
        }
        Optional<byte[]> data = cache.copy(spec.name()).filter(d -> sha256(d).equals(meta.sha256()));
        if (data.isEmpty()) {
            return Optional.empty();
        }
        try {
            T list = spec.parser().parse(data.get());
            parsed.put(spec.name(), new Parsed(meta.sha256(), list));
            return Optional.of(list);
        } catch (ListFormatException e) {
            log.debug("{}: kept copy no longer parses: {}", spec.name(), e.getMessage());
            return Optional.empty();
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
