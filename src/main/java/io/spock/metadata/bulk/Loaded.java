package io.spock.metadata.bulk;

import java.util.Optional;

/**
 * A bulk list as a run sees it after a refresh: the copy in use (the new one, or the last good one) and what happened.
 *
 * @param list     the parsed copy in use; empty when there is no good copy at all
 * @param meta     the cache's metadata after the refresh
 * @param problem  what went wrong with this refresh, in one line, naming the list; empty when it went well
 * @param requests HTTP requests this refresh made
 */
public record Loaded<T>(Optional<T> list, ListMeta meta, Optional<String> problem, int requests) {
}
