package io.spock.metadata.source;

import io.spock.metadata.store.Verdict;
import io.spock.metadata.classify.SecurityFlags;
import io.spock.metadata.classify.YahooMatch;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.store.Source;
import io.spock.metadata.yahoo.ProfileResult;
import io.spock.metadata.yahoo.YahooEndpoint;
import io.spock.metadata.yahoo.YahooProfile;
import io.spock.metadata.yahoo.YahooProfileService;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code yahoo} source: one Yahoo Finance lookup per ticker (the search endpoint, quoteSummary when search gives
 * no sector), rate limited, retried and cached by {@link YahooProfileService}; Yahoo's sector mapped through
 * {@code config/yahoo_sector_to_gics.json}. The endpoint that answered is the evidence's {@code detail}.
 */
public final class YahooSource implements ClassificationSource {

    private final YahooProfileService yahoo;
    private final YahooSectorMapping mapping;
    private final Clock clock;

    public YahooSource(YahooProfileService yahoo, YahooSectorMapping mapping, Clock clock) {
        this.yahoo = yahoo;
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    public Source id() {
        return Source.YAHOO;
    }

    @Override
    public boolean perTicker() {
        return true;
    }

    /**
     * Blocks for the rate limit and retry pauses; never throws for Yahoo's trouble. A run that refreshes
     * ({@link RegionView#refresh()}) asks Yahoo whatever the 24 h cache holds, and refreshes it.
     */
    @Override
    public Answer answer(Candidate candidate, RegionView region) {
        ProfileResult result = yahoo.lookup(candidate.yahooSymbol(),
                region.refresh() ? YahooProfileService.CacheUse.REFRESH : YahooProfileService.CacheUse.READ);
        return answer(candidate, result).withRequests(result.requests(), Math.max(0, result.attempts() - 1));
    }

    /**
     * Maps one Yahoo result: a mapped sector, or why there is none. An equity without a sector is
     * {@link Verdict#NO_SECTOR} (no answer, asked again when stale); only a quote type without sectors (ETF, fund,
     * index, currency, crypto, future) is {@link Verdict#NOT_APPLICABLE}.
     */
    public Answer answer(Candidate candidate, ProfileResult result) {
        Instant now = clock.instant();
        return switch (result.kind()) {
            case FOUND -> fromProfile(candidate, result.profile(), now);
            case NOT_APPLICABLE -> Answer.without(Source.YAHOO, Verdict.NOT_APPLICABLE, "no sector on Yahoo Finance ("
                    + result.profile().quoteType().orElse("fund") + ")", now).withRaw(null,
                    result.profile().quoteType().orElse(null)).withDetail(result.profile().endpoint().key());
            case NO_SECTOR -> Answer.without(Source.YAHOO, Verdict.NO_SECTOR, result.reason(), now).withRaw(null,
                    result.profile().quoteType().orElse(null)).withDetail(result.profile().endpoint().key());
            case NOT_FOUND -> Answer.without(Source.YAHOO, Verdict.NOT_FOUND, result.reason(), now)
                    .withDetail(YahooEndpoint.QUOTE_SUMMARY.key());
            case DEFERRED -> Answer.without(Source.YAHOO, Verdict.DEFERRED, result.reason(), now);
            case FAILED -> Answer.without(Source.YAHOO, Verdict.FAILED, result.reason(), now);
        };
    }

    private Answer fromProfile(Candidate candidate, YahooProfile profile, Instant now) {
        String sector = profile.sector().orElse(null);
        String industry = profile.industry().orElse(null);
        Optional<YahooMatch> match = mapping.map(sector, industry);
        if (match.isEmpty()) {
            return Answer.without(Source.YAHOO, Verdict.NONE, "unknown Yahoo sector '" + (sector == null ? "" : sector)
                    + "'", now);
        }
        YahooMatch m = match.get();
        String name = profile.longName().or(profile::shortName).orElse(candidate.nameEn());
        return Answer.sector(Source.YAHOO, m.sector(), mapping.confidence(sector), sector,
                        industry == null ? sector : sector + " / " + industry, "Yahoo Finance profile", now)
                .withIndustry(null, m.industry())
                .withSpac(m.spacIndustry() || SecurityFlags.isSpac(name, m.industry()))
                .withDetail(profile.endpoint().key());
    }
}
