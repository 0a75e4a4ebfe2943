package io.spock.metadata.enrich;

import io.spock.metadata.app.UsageException;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Settings of the bulk-list sources under {@code spock.sources.*}. Each source has {@code enabled}, a URL and a
 * maximum age; the URLs also come from {@code SPOCK_JPX_URL} (the workbook itself), {@code SPOCK_NASDAQ_URL},
 * {@code SPOCK_SEC_URL}, {@code SPOCK_SEC_DATA_URL} and {@code SPOCK_YAHOO_SCREENER_URL} (base URLs under which the
 * documented paths are requested), and SEC's contact from {@code SPOCK_SEC_USER_AGENT}
 * ({@code src/main/resources/application.properties} maps them). A blank URL means the documented public one.
 *
 * @param deadline the whole of one bulk download, body included
 * @param maxBytes the largest body a bulk download may bring
 */
public record SourcesProperties(@DefaultValue Jpx jpx, @DefaultValue Nasdaq nasdaq, @DefaultValue Sec sec,
                                @DefaultValue YahooScreener yahooScreener,
                                @DefaultValue("120s") Duration deadline,
                                @DefaultValue("67108864") long maxBytes) {

    public static final String JPX_URL =
            "https://www.jpx.co.jp/markets/statistics-equities/misc/tvdivq0000001vg2-att/data_j.xlsx";
    public static final String NASDAQ_URL = "https://api.nasdaq.com";
    public static final String SEC_URL = "https://www.sec.gov";
    public static final String SEC_DATA_URL = "https://data.sec.gov";
    public static final String YAHOO_SCREENER_URL = "https://query1.finance.yahoo.com";
    /** Nasdaq's API hangs or answers 403 without a browser-like User-Agent. */
    public static final String BROWSER_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    /** Every default, for code that runs outside Spring (tests, benchmarks). */
    public static SourcesProperties defaults() {
        return new SourcesProperties(new Jpx(true, null, Duration.ofDays(31)),
                new Nasdaq(true, null, Duration.ofDays(1), null),
                new Sec(true, null, null, null, Duration.ofDays(1), Duration.ofDays(90), 10.0),
                new YahooScreener(true, null, Duration.ofDays(1), 250), Duration.ofSeconds(120), 64L << 20);
    }

    /** Every bulk source switched off: what the pipeline uses when it is given no settings (tests, benchmarks). */
    public static SourcesProperties switchedOff() {
        SourcesProperties d = defaults();
        return new SourcesProperties(new Jpx(false, null, d.jpx().maxAge()),
                new Nasdaq(false, null, d.nasdaq().maxAge(), null),
                new Sec(false, null, null, null, d.sec().maxAge(), d.sec().companyMaxAge(), d.sec().rate()),
                new YahooScreener(false, null, d.yahooScreener().maxAge(), d.yahooScreener().pageSize()),
                d.deadline(), d.maxBytes());
    }

    /** {@code spock.sources.jpx.*}: the monthly workbook, kept a month. */
    public record Jpx(@DefaultValue("true") boolean enabled, String url, @DefaultValue("31d") Duration maxAge) {
        public URI uri() {
            return SourcesProperties.uri("spock.sources.jpx.url", url, JPX_URL);
        }
    }

    /** {@code spock.sources.nasdaq.*}: the screener, one request per exchange, kept a day. */
    public record Nasdaq(@DefaultValue("true") boolean enabled, String url, @DefaultValue("1d") Duration maxAge,
                         String userAgent) {
        public URI uri() {
            return SourcesProperties.uri("spock.sources.nasdaq.url", url, NASDAQ_URL);
        }

        public String agent() {
            return userAgent == null || userAgent.isBlank() ? BROWSER_USER_AGENT : userAgent;
        }
    }

    /**
     * {@code spock.sources.sec.*}: the ticker list (kept a day) and each company's SIC (kept {@code companyMaxAge}).
     *
     * @param userAgent names a contact, as SEC requires ({@code Example Corp ops@example.com}); without it the source
     *                  is skipped
     * @param rate      requests per second, at most SEC's 10
     */
    public record Sec(@DefaultValue("true") boolean enabled, String url, String dataUrl, String userAgent,
                      @DefaultValue("1d") Duration maxAge, @DefaultValue("90d") Duration companyMaxAge,
                      @DefaultValue("10") double rate) {
        public URI uri() {
            return SourcesProperties.uri("spock.sources.sec.url", url, SEC_URL);
        }

        public URI dataUri() {
            return SourcesProperties.uri("spock.sources.sec.data-url", dataUrl, SEC_DATA_URL);
        }

        public boolean hasContact() {
            return userAgent != null && !userAgent.isBlank();
        }
    }

    /**
     * {@code spock.sources.yahoo-screener.*}: region × sector pages through the Yahoo session, kept a day.
     *
     * @param pageSize rows per page, at most Yahoo's 250
     */
    public record YahooScreener(@DefaultValue("true") boolean enabled, String url, @DefaultValue("1d") Duration maxAge,
                                @DefaultValue("250") int pageSize) {
        public URI uri() {
            return SourcesProperties.uri("spock.sources.yahoo-screener.url", url, YAHOO_SCREENER_URL);
        }
    }

    /**
     * The settings, checked: every maximum age and the deadline more than zero, a body cap of at least 1 byte, SEC's
     * rate more than 0 and at most its 10 requests per second, screener pages of 1–250 rows.
     *
     * @throws UsageException (exit 2) naming the first bad setting and its value
     */
    public SourcesProperties validated() {
        positive("spock.sources.jpx.max-age", jpx.maxAge());
        positive("spock.sources.nasdaq.max-age", nasdaq.maxAge());
        positive("spock.sources.sec.max-age", sec.maxAge());
        positive("spock.sources.sec.company-max-age", sec.companyMaxAge());
        positive("spock.sources.yahoo-screener.max-age", yahooScreener.maxAge());
        positive("spock.sources.deadline", deadline);
        if (maxBytes < 1) {
            throw new UsageException("spock.sources.max-bytes: must be at least 1, not " + maxBytes);
        }
        if (!(sec.rate() > 0 && sec.rate() <= 10)) {
            throw new UsageException("spock.sources.sec.rate: must be more than 0 and at most 10 (SEC's fair-access "
                    + "limit), not " + sec.rate());
        }
        if (yahooScreener.pageSize() < 1 || yahooScreener.pageSize() > 250) {
            throw new UsageException("spock.sources.yahoo-screener.page-size: must be 1-250 (Yahoo's largest page), "
                    + "not " + yahooScreener.pageSize());
        }
        return this;
    }

    private static void positive(String setting, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new UsageException(setting + ": must be more than 0, not " + value);
        }
    }

    /**
     * @throws UsageException (exit 2) naming the setting when the value is not an absolute http(s) URL
     */
    static URI uri(String setting, String value, String fallback) {
        String text = value == null || value.isBlank() ? fallback : value.strip();
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(text, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(setting + ": '" + text + "' is not an http(s) URL");
        }
    }
}
