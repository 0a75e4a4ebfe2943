package io.spock.metadata.metrics;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.ProjectConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A Pushgateway URL that cannot be one, from the option or the setting, is refused before the run: exit 2. */
class PushgatewayOptionsTest {

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        ProjectConfig.copyTo(home);
        cli = new CliRun(home).yahooUnreachable().property("spock.demo", "false");
    }

    @Test
    void aBadUrlInTheOptionIsUsageAndNoRunStarts() {
        CliRun.Result ftp = cli.run("enrich", "--pushgateway", "ftp://127.0.0.1:9091");
        CliRun.Result secret = cli.run("enrich", "--pushgateway", "http://u:s3cret@host:9091/?x=1");

        assertThat(ftp.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ftp.errors()).isEqualTo("error: --pushgateway: not a Pushgateway URL; expected "
                + "http://HOST:PORT (such as http://127.0.0.1:9091)");
        assertThat(secret.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(secret.err()).doesNotContain("s3cret");
        assertThat(cli.run("status", "--format", "json").out()).contains("\"last_run\" : null");
    }

    @Test
    void aBadSettingIsUsageNamingTheSettingAndADryRunRefusesTheOption() {
        CliRun.Result setting = cli.env("SPOCK_PUSHGATEWAY_URL", "pushgateway:9091").run("enrich", "--regions", "US");
        CliRun.Result dryRun = new CliRun(home).run("enrich", "--dry-run", "--pushgateway", "http://127.0.0.1:9091");

        assertThat(setting.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(setting.errors()).startsWith(
                "error: spock.metrics.pushgateway (SPOCK_PUSHGATEWAY_URL): not a Pushgateway URL");
        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dryRun.errors()).isEqualTo("error: --pushgateway: a dry run publishes no metrics");
    }
}
