package io.spock.metadata.yahoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spock.metadata.app.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-ticker Yahoo Finance lookup, in two steps:
 * <ol>
 *   <li>{@code /v1/finance/search?q={symbol}&quotesCount=10&newsCount=0…}, which needs no cookie and no crumb. The
 *       quote whose symbol equals ours exactly answers when it has a sector, or when its type has none (ETF,
 *       fund…).</li>
 *   <li>Otherwise (an equity without a sector, our symbol not among the quotes, the search endpoint failing) the
 *       quoteSummary request yfinance makes: {@code /v10/finance/quoteSummary/{symbol}?modules=assetProfile,quoteType
 *       &formatted=false&crumb=…}, with the {@link YahooSession}'s cookie and crumb. A 401 (Invalid Crumb) has the
 *       session renewed and the request repeated once; a second 401 on the fresh crumb is this symbol's rejection,
 *       and the session stays for the others.</li>
 * </ol>
 * A search that is rate limited, unreachable or stopped by a consent page it cannot agree to ends the lookup: the
 * quoteSummary request would meet the same. Either request may end on Yahoo's EU consent page: the session agrees
 * and the request is repeated once. A 200 HTML page that is not a consent page (an outage page, "Will be right
 * back…") is transient, like a 503. Every exchange has a deadline, body included ({@code spock.yahoo.request-timeout}),
 * and a body cap ({@link YahooSettings#MAX_BODY_BYTES}) ({@link YahooSession#send}): a server that stalls after the
 * headers or trickles the body is a transient failure, not a hang.
 *
 * <p>Every failure becomes a {@link YahooLookup} case; this class never retries anything else — that is
 * {@link YahooProfileService}'s job.
 */
public final class YahooFinanceClient implements YahooClient {

    /** Quotes asked of the search: enough for our symbol to be among them when the query also matches others. */
    static final int SEARCH_QUOTES = 10;

    private static final Logger log = LoggerFactory.getLogger(YahooFinanceClient.class);
    private static final String JSON_ACCEPT = "application/json, text/plain, */*";
    private static final String MODULES = "assetProfile,quoteType";

    private final YahooSession session;
    private final YahooSettings settings;
    private final YahooRequestListener listener;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final QuoteSummaryParser summaries = new QuoteSummaryParser(mapper);
    private final SearchParser searches = new SearchParser(mapper);
    private final String queryBase;

    public YahooFinanceClient(YahooSession session, YahooSettings settings, YahooRequestListener listener) {
        this(session, settings, listener, Clock.systemUTC());
    }

    /** @param clock only used to turn an HTTP-date {@code Retry-After} into a delay */
    YahooFinanceClient(YahooSession session, YahooSettings settings, YahooRequestListener listener, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        String base = settings.queryBaseUrl().toString();
        this.queryBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public YahooLookup lookup(String symbol, Gate gate) {
        String trimmed = Objects.requireNonNull(symbol, "symbol").strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        try {
            if (settings.search()) {
                Optional<YahooLookup> searched = search(trimmed, gate);
                if (searched.isPresent()) {
                    return searched.get();
                }
            }
            return quoteSummary(trimmed, gate);
        } catch (YahooSession.Unavailable e) {
            return e.outcome();
        } catch (IOException e) {
            return ExchangeFailures.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new YahooLookup.Transient("Interrupted while calling Yahoo Finance");
        }
    }

    /** The search's answer, or its failure when Yahoo is unavailable; empty when quoteSummary must be asked. */
    private Optional<YahooLookup> search(String symbol, Gate gate)
            throws YahooSession.Unavailable, InterruptedException {
        URI uri = URI.create(queryBase + "/v1/finance/search?q=" + encode(symbol) + "&quotesCount=" + SEARCH_QUOTES
                + "&newsCount=0&listsCount=0&enableFuzzyQuery=false");
        HttpResponse<String> response;
        try {
            response = exchange(YahooEndpoint.SEARCH, uri, symbol, gate);
        } catch (IOException e) {
            YahooLookup failure = ExchangeFailures.of(e);
            return failure instanceof YahooLookup.Unreachable ? Optional.of(failure) : fallBack(failure.describe());
        }
        Optional<YahooLookup> failure = httpFailure(response);
        if (failure.isPresent()) {
            listener.onRequest(YahooEndpoint.SEARCH, label(response.statusCode(), failure.get()));
            return failure.get() instanceof YahooLookup.RateLimited ? failure : fallBack(failure.get().describe());
        }
        if (response.statusCode() != 200) {
            listener.onRequest(YahooEndpoint.SEARCH, "rejected");
            return fallBack("search answered HTTP " + response.statusCode());
        }
        SearchParser.Reading reading = searches.parse(response.body(), symbol);
        listener.onRequest(YahooEndpoint.SEARCH, reading.label());
        return reading.answer();
    }

    private static Optional<YahooLookup> fallBack(String why) {
        log.debug("Yahoo Finance search gave no answer ({}); asking quoteSummary", why);
        return Optional.empty();
    }

    private YahooLookup quoteSummary(String symbol, Gate gate)
            throws YahooSession.Unavailable, IOException, InterruptedException {
        String usedCrumb = session.crumb();
        HttpResponse<String> response =
                exchange(YahooEndpoint.QUOTE_SUMMARY, summaryUri(symbol, usedCrumb), symbol, gate);
        if (response.statusCode() == 401) {
            listener.onRequest(YahooEndpoint.QUOTE_SUMMARY, "invalid_crumb");
            log.debug("Yahoo Finance rejected the crumb ({}); renewing the session",
                    summaries.unauthorizedDescription(response.body()).orElse("HTTP 401"));
            usedCrumb = session.renew(usedCrumb);
            response = exchange(YahooEndpoint.QUOTE_SUMMARY, summaryUri(symbol, usedCrumb), symbol, gate);
            if (response.statusCode() == 401) {
                listener.onRequest(YahooEndpoint.QUOTE_SUMMARY, "invalid_crumb");
                return new YahooLookup.Rejected(401, "Yahoo Finance rejected a fresh cookie and crumb: "
                        + Messages.flatten(summaries.unauthorizedDescription(response.body()).orElse("HTTP 401")));
            }
        }
        YahooLookup outcome = summaryOutcome(response);
        listener.onRequest(YahooEndpoint.QUOTE_SUMMARY, label(response.statusCode(), outcome));
        return outcome;
    }

    private YahooLookup summaryOutcome(HttpResponse<String> response) {
        int status = response.statusCode();
        return httpFailure(response).orElseGet(() -> switch (status) {
            case 200 -> summaries.parseSuccess(response.body());
            case 404 -> summaries.parseNotFound(response.body());
            default -> new YahooLookup.Rejected(status, "Yahoo Finance answered HTTP " + status);
        });
    }

    /**
     * One request for data: through the gate, with the session's cookies; a consent page on the way is agreed to and
     * the request repeated once (through the gate again).
     *
     * @throws YahooSession.Unavailable with {@link YahooLookup.Blocked} when the consent page cannot be agreed to
     */
    private HttpResponse<String> exchange(YahooEndpoint endpoint, URI uri, String symbol, Gate gate)
            throws YahooSession.Unavailable, IOException, InterruptedException {
        HttpResponse<String> response = send(endpoint, uri, symbol, gate);
        if (!ConsentForm.isConsentPage(response)) {
            return response;
        }
        listener.onRequest(endpoint, "blocked");
        Optional<YahooLookup> refused = session.agree(response);
        if (refused.isPresent()) {
            throw new YahooSession.Unavailable(refused.get());
        }
        response = send(endpoint, uri, symbol, gate);
        if (ConsentForm.isConsentPage(response)) {
            listener.onRequest(endpoint, "blocked");
            throw new YahooSession.Unavailable(new YahooLookup.Blocked("Yahoo Finance returned a consent page "
                    + "(EU/GDPR interstitial) again after agreeing; not retried"));
        }
        return response;
    }

    private HttpResponse<String> send(YahooEndpoint endpoint, URI uri, String symbol, Gate gate)
            throws IOException, InterruptedException {
        gate.pass();
        try {
            return session.send(session.request(uri, JSON_ACCEPT).build(), symbol);
        } catch (IOException e) {
            listener.onRequest(endpoint, "transient");
            throw e;
        }
    }

    /** What any data endpoint's status says before its body is read: rate limited, server trouble, an HTML page. */
    private Optional<YahooLookup> httpFailure(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429) {
            return Optional.of(new YahooLookup.RateLimited(
                    RetryAfter.parse(response.headers().firstValue("Retry-After"), clock)));
        }
        if (status >= 500) {
            return Optional.of(new YahooLookup.Transient("Yahoo Finance answered HTTP " + status));
        }
        if (status / 100 == 2 && HtmlPages.isHtml(response)) {
            return Optional.of(new YahooLookup.Transient("Yahoo Finance answered with an HTML page instead of JSON ("
                    + HtmlPages.title(response.body()) + ")"));
        }
        return Optional.empty();
    }

    private static String label(int status, YahooLookup outcome) {
        if (outcome instanceof YahooLookup.Found) {
            return "ok";
        } else if (outcome instanceof YahooLookup.NoSector) {
            return "no_sector";
        } else if (outcome instanceof YahooLookup.NotFound) {
            return "not_found";
        } else if (outcome instanceof YahooLookup.RateLimited) {
            return "rate_limited";
        } else if (outcome instanceof YahooLookup.Blocked) {
            return "blocked";
        } else if (outcome instanceof YahooLookup.Rejected) {
            return "rejected";
        }
        return status >= 500 ? "server_error" : "transient";
    }

    @Override
    public ScreenerReply screen(URI base, String body) {
        try {
            String usedCrumb = session.crumb();
            HttpResponse<String> response = sendScreener(base, body, usedCrumb);
            if (response.statusCode() == 401) {
                listener.onRequest(YahooEndpoint.SCREENER, "invalid_crumb");
                response = sendScreener(base, body, session.renew(usedCrumb));
            }
            int status = response.statusCode();
            YahooLookup failure = ConsentForm.isConsentPage(response)
                    ? new YahooLookup.Blocked("Yahoo screener returned a consent page (EU/GDPR interstitial)")
                    : status >= 500 ? new YahooLookup.Transient("Yahoo screener answered HTTP " + status)
                    : httpFailure(response).orElse(status != 200
                    ? new YahooLookup.Rejected(status, "Yahoo screener answered HTTP " + status) : null);
            listener.onRequest(YahooEndpoint.SCREENER, failure == null ? "ok" : label(status, failure));
            return failure == null ? new ScreenerReply.Page(response.body(), 1) : new ScreenerReply.Failure(failure, 1);
        } catch (YahooSession.Unavailable e) {
            return new ScreenerReply.Failure(e.outcome(), 1);
        } catch (IOException e) {
            return new ScreenerReply.Failure(ExchangeFailures.of(e), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScreenerReply.Failure(new YahooLookup.Transient("Interrupted while calling Yahoo Finance"), 1);
        }
    }

    private HttpResponse<String> sendScreener(URI base, String body, String crumbValue)
            throws IOException, InterruptedException {
        String root = base.toString().replaceFirst("/+$", "");
        URI uri = URI.create(root + "/v1/finance/screener?crumb=" + encode(crumbValue));
        try {
            return session.send(session.request(uri, JSON_ACCEPT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), "the screener");
        } catch (IOException e) {
            listener.onRequest(YahooEndpoint.SCREENER, "transient");
            throw e;
        }
    }

    private URI summaryUri(String symbol, String crumbValue) {
        return URI.create(queryBase + "/v10/finance/quoteSummary/" + encode(symbol)
                + "?modules=" + MODULES + "&formatted=false&crumb=" + encode(crumbValue));
    }

    /** Percent-encodes for use in a path segment or query value ("+" would mean a literal plus in a path). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
