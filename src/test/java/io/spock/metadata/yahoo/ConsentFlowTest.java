package io.spock.metadata.yahoo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.yahoo.YahooFixtures.COOKIE_PATH;
import static io.spock.metadata.yahoo.YahooFixtures.CRUMB;
import static io.spock.metadata.yahoo.YahooFixtures.CRUMB_PATH;
import static io.spock.metadata.yahoo.YahooFixtures.recorded;
import static io.spock.metadata.yahoo.YahooFixtures.stubSummary;
import static io.spock.metadata.yahoo.YahooFixtures.summaryPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EU consent flow, played from yahoo-finance2's recordings: the cookie request (or a data request) ends on the
 * consent form, the session agrees as the public clients do, and the crumb (or the data) follows.
 */
class ConsentFlowTest {

    @RegisterExtension
    static WireMockExtension yahoo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingListener listener = new RecordingListener();
    private YahooFinanceClient client;

    @BeforeEach
    void setUp() {
        client = YahooFixtures.client(YahooFixtures.settingsFor(yahoo), listener);
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).atPriority(1)
                .withHeader("Cookie", containing(ConsentStub.CONSENT_COOKIE)).willReturn(recorded("getcrumb")));
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).atPriority(5).willReturn(aResponse().withStatus(401)));
        stubSummary(yahoo, "AAPL", recorded("quoteSummary-AAPL"));
    }

    @Test
    void theCookieRequestEndingOnTheConsentFormIsAgreedAsRecordedAndTheCrumbFollows() {
        new ConsentStub(yahoo).flowFrom(COOKIE_PATH);

        YahooLookup outcome = client.lookup("AAPL", YahooClient.Gate.OPEN);

        assertThat(outcome).isInstanceOf(YahooLookup.Found.class);
        yahoo.verify(postRequestedFor(urlPathEqualTo(ConsentStub.FORM_PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo(ConsentStub.recordedSubmission())));
        yahoo.verify(getRequestedFor(urlPathEqualTo(CRUMB_PATH))
                .withHeader("Cookie", containing(ConsentStub.CONSENT_COOKIE)));
        yahoo.verify(0, getRequestedFor(urlPathEqualTo(CRUMB_PATH)).withHeader("Cookie", containing("$Version")));
        yahoo.verify(getRequestedFor(urlPathEqualTo(summaryPath("AAPL"))).withQueryParam("crumb", equalTo(CRUMB)));
        assertThat(listener.exchanges).containsExactly("cookie:ok", "consent:ok", "crumb:ok", "quoteSummary:ok");
    }

    @Test
    void aDataRequestEndingOnTheConsentFormIsAgreedAndRepeatedOnce() {
        yahoo.stubFor(get(urlPathEqualTo(COOKIE_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Set-Cookie", "A1=d=before-consent; Path=/")));
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).atPriority(3).willReturn(recorded("getcrumb")));
        yahoo.stubFor(get(urlPathEqualTo(summaryPath("AAPL"))).atPriority(1)
                .withHeader("Cookie", containing(ConsentStub.CONSENT_COOKIE)).willReturn(recorded("quoteSummary-AAPL")));
        new ConsentStub(yahoo).flowFrom(summaryPath("AAPL"));

        YahooLookup outcome = client.lookup("AAPL", YahooClient.Gate.OPEN);

        assertThat(outcome).isInstanceOf(YahooLookup.Found.class);
        yahoo.verify(1, postRequestedFor(urlPathEqualTo(ConsentStub.FORM_PATH)));
        assertThat(listener.exchanges).containsExactly("cookie:ok", "crumb:ok", "quoteSummary:blocked", "consent:ok",
                "quoteSummary:ok");
    }

    @Test
    void aConsentFormThatCannotBeAgreedToIsOneClearReasonAndNoCrumbIsAsked() {
        new ConsentStub(yahoo).flowFrom(COOKIE_PATH);
        yahoo.stubFor(post(urlPathEqualTo(ConsentStub.FORM_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("consent service down")));

        YahooLookup outcome = client.lookup("AAPL", YahooClient.Gate.OPEN);

        assertThat(outcome).isEqualTo(new YahooLookup.Blocked("Yahoo Finance returned a consent page (EU/GDPR "
                + "interstitial) and agreeing answered HTTP 500; not retried"));
        assertThat(outcome.isRetryable()).isFalse();
        yahoo.verify(0, getRequestedFor(urlPathEqualTo(CRUMB_PATH)));
    }

    @Test
    void aFormPostingToAnotherHostIsNotSubmitted() {
        stubSummary(yahoo, "AAPL", recorded("consent-page"));
        yahoo.stubFor(get(urlPathEqualTo(COOKIE_PATH)).willReturn(aResponse().withStatus(404)));
        yahoo.stubFor(get(urlPathEqualTo(CRUMB_PATH)).atPriority(3).willReturn(recorded("getcrumb")));

        YahooLookup outcome = client.lookup("AAPL", YahooClient.Gate.OPEN);

        assertThat(outcome.describe()).isEqualTo("Yahoo Finance returned a consent page (EU/GDPR interstitial) and"
                + " its form posts to another host (consent.yahoo.com); not retried");
        yahoo.verify(0, postRequestedFor(urlPathEqualTo(ConsentStub.FORM_PATH)));
    }

    @Test
    void theRecordedFormIsReadWithItsHiddenFieldsInPageOrder() {
        String page = YahooFixtures.recordedBody("consent-3-collect-consent-form");
        URI at = URI.create("https://consent.yahoo.com/v2/collectConsent?sessionId=3_cc-session_x");

        ConsentForm form = ConsentForm.find(page, at).orElseThrow();

        assertThat(form.action()).isEqualTo(at);
        assertThat(form.fields()).containsExactly(
                java.util.Map.entry("csrfToken", "GoNrer0"),
                java.util.Map.entry("sessionId", "3_cc-session_dcf322f7-c2b7-4e77-9e32-36143f8f7c5d"),
                java.util.Map.entry("originalDoneUrl", "https://finance.yahoo.com/quote/AAPL?guccounter=1"),
                java.util.Map.entry("namespace", "yahoo"));
        assertThat(form.agreeBody()).isEqualTo(ConsentStub.recordedSubmission());
        assertThat(ConsentForm.find(YahooFixtures.recordedBody("outage-page"), at)).isEmpty();
    }
}
