package io.spock.metadata.source;

import io.spock.metadata.bulk.ListRefresher;
import io.spock.metadata.bulk.Loaded;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;

import io.spock.metadata.market.Region;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** What the local bulk sources share: their name, the refresher of their lists, their switch and clock. */
abstract class ListSource implements BulkSource {

    private final Source id;
    protected final ListRefresher refresher;
    protected final boolean switchedOn;
    protected final Clock clock;

    ListSource(Source id, ListRefresher refresher, boolean switchedOn, Clock clock) {
        this.id = id;
        this.refresher = refresher;
        this.switchedOn = switchedOn;
        this.clock = clock;
    }

    @Override
    public final Source id() {
        return id;
    }

    @Override
    public final boolean switchedOn() {
        return switchedOn;
    }

    /**
     * No answer for a ticker this source does not cover: it is switched off (saying why), or the ticker is of another
     * region than {@code covers} (null: every region). Empty when the source covers the ticker.
     */
    final Optional<Answer> notCovered(Candidate candidate, Region covers, String coversOnly, Instant now) {
        if (!switchedOn) {
            return Optional.of(Answer.without(id, Verdict.NONE, offReason().orElse("switched off"), now));
        }
        return covers == null || covers.name().equals(candidate.region()) ? Optional.empty()
                : Optional.of(Answer.without(id, Verdict.NONE, coversOnly, now));
    }

    /** No answer because the list is missing: {@code no <what>}, with the refresh's problem when there was one. */
    final Answer noList(String what, Loaded<?> current, Instant now) {
        return Answer.without(id, Verdict.NONE, "no " + what + (current == null ? ""
                : current.problem().map(p -> " (" + p + ")").orElse("")), now);
    }
}
