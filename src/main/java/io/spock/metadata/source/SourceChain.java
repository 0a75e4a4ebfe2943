package io.spock.metadata.source;

import io.spock.metadata.store.Source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enabled sources in the policy's order, split into the local ones (asked about every due ticker) and the
 * per-ticker ones (asked last, only about what is not settled).
 */
public final class SourceChain {

    private final SourcePolicy policy;
    private final List<ClassificationSource> local = new ArrayList<>();
    private final List<ClassificationSource> perTicker = new ArrayList<>();

    /**
     * @param available every source this build implements; those the policy does not enable are left out
     * @throws IllegalArgumentException when the policy enables a source that is not available
     */
    public SourceChain(SourcePolicy policy, Collection<? extends ClassificationSource> available) {
        this.policy = policy;
        Map<Source, ClassificationSource> byId = new LinkedHashMap<>();
        available.forEach(s -> byId.put(s.id(), s));
        for (Source id : policy.order()) {
            ClassificationSource source = byId.get(id);
            if (source == null) {
                throw new IllegalArgumentException("source '" + id.key() + "' is enabled but not available");
            }
            (source.perTicker() ? perTicker : local).add(source);
        }
    }

    public SourcePolicy policy() {
        return policy;
    }

    /** Sources asked about every due ticker, in order. */
    public List<ClassificationSource> local() {
        return List.copyOf(local);
    }

    /** Sources asked per ticker, in order, only about tickers the local answers did not settle. */
    public List<ClassificationSource> perTicker() {
        return List.copyOf(perTicker);
    }

    /** Every enabled source, local first. */
    public List<ClassificationSource> all() {
        List<ClassificationSource> all = new ArrayList<>(local);
        all.addAll(perTicker);
        return all;
    }
}
