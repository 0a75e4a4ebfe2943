package io.spock.metadata.source;

import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.Download;
import io.spock.metadata.bulk.ListFormatException;
import io.spock.metadata.bulk.ListMeta;
import io.spock.metadata.bulk.ListRefresher;
import io.spock.metadata.bulk.Loaded;
import io.spock.metadata.classify.Crosswalk;
import io.spock.metadata.http.TokenBucket;
import io.spock.metadata.market.Region;
import io.spock.metadata.market.UsSymbol;
import io.spock.metadata.sec.SecCompany;
import io.spock.metadata.sec.SecListing;
import io.spock.metadata.sec.SecSubmissionParser;
import io.spock.metadata.sec.SicCache;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The {@code sec} source, US only: SEC EDGAR's {@code company_tickers_exchange.json} (ticker → CIK, one request per
 * maximum age, a day by default), then per company {@code submissions/CIK##########.json} for its SIC code, kept
 * 90 days; SIC maps to GICS through {@code config/crosswalk_sic.csv}, low confidence alone.
 *
 * <p>It costs a request per company, so it is a per-ticker source: asked only about tickers the local sources did
 * not settle, at most 10 requests per second (SEC's fair-access limit). SEC asks every client to name a contact in
 * its User-Agent: without {@code spock.sources.sec.user-agent} ({@code SPOCK_SEC_USER_AGENT}) the source is skipped
 * with one warning line.
 *
 * @see <a href="https://www.sec.gov/os/accessing-edgar-data">SEC: accessing EDGAR data</a>
 */
public final class SecSource implements BulkSource {

    public static final Source ID = Source.of("SEC");
    private static final Logger log = LoggerFactory.getLogger(SecSource.class);

    private final BulkList<Map<String, SecListing>> tickers;
    private final Function<String, Download> submission;
    private final ListRefresher refresher;
    private final SicCache companies;
    private final Crosswalk sic;
    private final Settings settings;
    private final TokenBucket limiter;
    private final Clock clock;
    private final SecSubmissionParser parser = new SecSubmissionParser();
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile Loaded<Map<String, SecListing>> loaded;

    /**
     * @param switchedOn  {@code spock.sources.sec.enabled}
     * @param hasContact  whether a User-Agent with a contact is set
     * @param companyAge  how long a company's SIC is kept before it is asked again
     */
    public record Settings(boolean switchedOn, boolean hasContact, Duration companyAge) {
    }

    /** @param submission downloads {@code submissions/CIK##########.json} for a ten-digit CIK */
    public SecSource(BulkList<Map<String, SecListing>> tickers, Function<String, Download> submission,
                     ListRefresher refresher, SicCache companies, Crosswalk sic, Settings settings,
                     TokenBucket limiter, Clock clock) {
        this.tickers = tickers;
        this.submission = submission;
        this.refresher = refresher;
        this.companies = companies;
        this.sic = sic;
        this.settings = settings;
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    public Source id() {
        return ID;
    }

    @Override
    public boolean perTicker() {
        return true;
    }

    @Override
    public boolean switchedOn() {
        return settings.switchedOn() && settings.hasContact();
    }

    @Override
    public Optional<String> offReason() {
        return settings.switchedOn() && !settings.hasContact()
                ? Optional.of("SPOCK_SEC_USER_AGENT is not set (SEC asks for a name and contact e-mail)")
                : BulkSource.super.offReason();
    }

    @Override
    public void prepare(Region region, List<Candidate> due) {
        if (region != Region.US || due.isEmpty() || !settings.switchedOn()) {
            return;
        }
        if (!settings.hasContact()) {
            if (warned.compareAndSet(false, true)) {
                log.warn("sec: skipped: set SPOCK_SEC_USER_AGENT to a name and contact e-mail, as SEC asks");
            }
            return;
        }
        loaded = refresher.load(tickers, false);
    }

    /** Blocks for SEC's rate limit when the company's SIC is not kept; never throws for SEC's trouble. */
    @Override
    public Answer answer(Candidate candidate, RegionView region) {
        Instant now = clock.instant();
        if (!switchedOn() || !Region.US.name().equals(candidate.region())) {
            return Answer.without(ID, Verdict.NONE, offReason().orElse("SEC EDGAR covers US companies only"), now);
        }
        Map<String, SecListing> byTicker = loaded == null ? Map.of() : loaded.list().orElse(Map.of());
        SecListing listing = byTicker.get(UsSymbol.key(candidate.ticker()));
        if (listing == null) {
            return Answer.without(ID, Verdict.NONE, byTicker.isEmpty() ? "no SEC ticker list"
                    : "not in SEC's ticker list", now);
        }
        String cik = listing.paddedCik();
        Optional<SecCompany> kept = companies.get(cik)
                .filter(c -> c.fetchedAt() != null && Duration.between(c.fetchedAt(), now)
                        .compareTo(settings.companyAge()) < 0);
        if (kept.isPresent()) {
            return answer(kept.get(), now);
        }
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.without(ID, Verdict.DEFERRED, "interrupted", now);
        }
        Download download = submission.apply(cik);
        if (download instanceof Download.Body body) {
            try {
                SecCompany company = parser.parse(body.data(), now);
                keep(cik, company);
                return answer(company, now).withRequests(1, 0);
            } catch (ListFormatException e) {
                return Answer.without(ID, Verdict.FAILED, "SEC submissions of CIK " + cik + ": " + e.getMessage(), now)
                        .withRequests(1, 0);
            }
        }
        String reason = download instanceof Download.Failed f ? f.reason() : "304 without a kept copy";
        Verdict verdict = reason.startsWith("HTTP 404") ? Verdict.NONE : Verdict.DEFERRED;
        return Answer.without(ID, verdict, "SEC submissions of CIK " + cik + ": " + reason, now).withRequests(1, 0);
    }

    private Answer answer(SecCompany company, Instant now) {
        if (company.sic().isEmpty()) {
            return Answer.without(ID, Verdict.NONE, "SEC has no SIC code for CIK " + company.cik(), now);
        }
        return sic.lookup(company.sic())
                .map(row -> Crosswalked.answer(ID, "SIC", row, company.sic(), company.sicDescription(),
                        "SEC EDGAR submissions, CIK " + company.cik(), now))
                .orElseGet(() -> Answer.without(ID, Verdict.NONE, "SIC " + company.sic() + " is not in "
                        + sic.file().getFileName(), now));
    }

    private void keep(String cik, SecCompany company) {
        try {
            companies.put(cik, company);
        } catch (UncheckedIOException e) {
            log.debug("sec: cannot keep CIK {}: {}", cik, e.getMessage());
        }
    }

    @Override
    public List<ListStatus> lists() {
        ListMeta meta = refresher.cache().meta(tickers.name(), tickers.url());
        ListMeta submissions = new ListMeta("submissions per company", null, null, null, null, null,
                companies.size(), 0, null, null);
        return List.of(new ListStatus(tickers.name(), meta), new ListStatus("sec-submissions", submissions));
    }

    @Override
    public List<String> refresh() {
        if (!switchedOn()) {
            return List.of("sec: skipped: " + offReason().orElse("switched off"));
        }
        loaded = refresher.load(tickers, true);
        return loaded.problem().stream().toList();
    }
}
