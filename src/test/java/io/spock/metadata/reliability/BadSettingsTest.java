package io.spock.metadata.reliability;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.ProjectConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad setting stops only the commands that use it, with one line naming the setting (and its variable), the value
 * and what is expected, exit 2; every other command keeps working. ({@code StartupFailuresTest} shows the same for a
 * child process, where nothing else may reach the console.)
 */
@Timeout(300)
class BadSettingsTest {

    @TempDir
    Path home;

    private CliRun cli() {
        ProjectConfig.copyTo(home);
        return new CliRun(home).yahooUnreachable();
    }

    @Test
    void statusWorksWhateverTheSettingsOfYahooKisAndMetricsHold() {
        CliRun.Result result = cli().property("spock.yahoo.rate", "abc")
                .property("spock.kis.master-url", "not a url")
                .property("spock.kis.timeout", "forever")
                .property("spock.metrics.port", "99999")
                .env("HTTPS_PROXY", "http://user:pw@:3128")
                .run("status");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void eachCommandThatUsesABadSettingNamesItValueAndExpectation() {
        assertRefused(cli().property("spock.yahoo.retry.max-attempts", "0").run("enrich", "--regions", "US"),
                "setting spock.yahoo.retry.max-attempts (SPOCK_YAHOO_RETRY_MAX_ATTEMPTS) is '0': expected a whole "
                        + "number of 1 or more");
        assertRefused(cli().property("spock.kis.master-url", "ftp://kis.example/master").run("import-master"),
                "setting spock.kis.master-url (SPOCK_KIS_MASTER_URL) is 'ftp://kis.example/master': expected an "
                        + "http or https URL such as https://example.com");
        assertRefused(cli().property("spock.metrics.port", "99999").run("metrics", "start"),
                "setting spock.metrics.port (SPOCK_METRICS_PORT) is '99999': expected a port from 0 to 65535");
        assertRefused(cli().env("HTTPS_PROXY", "http://user:s3cret@:3128").run("enrich", "--regions", "US"),
                "setting HTTPS_PROXY is 'http://user:****@:3128': expected a proxy address such as "
                        + "http://proxy:3128");
    }

    @Test
    void aBadDisplayLanguageStopsOnlyTheCommandsThatNameSectorsUnlessLangIsGiven() {
        String line = "setting spock.display.lang (SPOCK_DISPLAY_LANG) is 'klingon': expected en, ko, zh-Hans, "
                + "zh-Hant, ja or vi";
        assertRefused(cli().property("spock.display.lang", "klingon").run("review"), line);
        assertRefused(cli().property("spock.display.lang", "klingon").run("coverage-report"), line);

        assertThat(cli().property("spock.display.lang", "klingon").run("status").exitCode()).isZero();
        CliRun.Result chosen = cli().property("spock.display.lang", "klingon").run("review", "--lang", "ja");
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
    }

    private static void assertRefused(CliRun.Result result, String line) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).isEqualTo("error: " + line);
        assertThat(result.out()).isEmpty();
    }
}
