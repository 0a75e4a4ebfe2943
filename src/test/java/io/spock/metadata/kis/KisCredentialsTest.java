package io.spock.metadata.kis;

import io.spock.metadata.app.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KisCredentialsTest {

    private static final String KEY = "PSabcdefghijklmnopqrstuvwxyz0123456";
    private static final String SECRET = "s3cr3t+SECRET/value==";

    @TempDir
    Path dir;

    @Test
    void readsTheEnvironmentFirst() {
        Map<String, String> env = Map.of("KIS_APP_KEY", KEY, "KIS_APP_SECRET", SECRET, "KIS_ACCOUNT_TYPE", "Paper");

        KisCredentials credentials = KisCredentials.fromEnvironment(env, dir.resolve("absent.env"));

        assertThat(credentials).isEqualTo(new KisCredentials(KEY, SECRET, KisAccountType.PAPER));
    }

    @Test
    void fallsBackToTheDotEnvFileWithCommentsQuotesAndExport() throws IOException {
        Path dotEnv = dir.resolve(".env");
        Files.writeString(dotEnv, """
                # KIS settings
                OTHER_TOOL_SETTING = something else

                export KIS_APP_KEY="%s"
                KIS_APP_SECRET='%s'
                KIS_ACCOUNT_TYPE=real # the default anyway
                not a setting line
                """.formatted(KEY, SECRET));

        KisCredentials credentials = KisCredentials.fromEnvironment(Map.of("KIS_APP_KEY", " "), dotEnv);

        assertThat(credentials).isEqualTo(new KisCredentials(KEY, SECRET, KisAccountType.REAL));
    }

    @Test
    void theAccountTypeDefaultsToReal() {
        KisCredentials credentials = KisCredentials.fromEnvironment(
                Map.of("KIS_APP_KEY", KEY, "KIS_APP_SECRET", SECRET), null);

        assertThat(credentials.accountType()).isEqualTo(KisAccountType.REAL);
        assertThat(credentials.accountType().callsPerSecond()).isEqualTo(20);
        assertThat(KisAccountType.PAPER.callsPerSecond()).isEqualTo(2);
    }

    @Test
    void missingKeyOrSecretIsAUsageError() throws IOException {
        Path dotEnv = Files.writeString(dir.resolve(".env"), "KIS_APP_KEY=" + KEY + "\n");

        assertThatThrownBy(() -> KisCredentials.fromEnvironment(Map.of(), dotEnv))
                .isInstanceOf(UsageException.class)
                .hasMessage("KIS credentials missing: set KIS_APP_KEY and KIS_APP_SECRET");
    }

    @Test
    void anUnknownAccountTypeIsAUsageError() {
        Map<String, String> env = Map.of("KIS_APP_KEY", KEY, "KIS_APP_SECRET", SECRET, "KIS_ACCOUNT_TYPE", "demo");

        assertThatThrownBy(() -> KisCredentials.fromEnvironment(env, null))
                .isInstanceOf(UsageException.class)
                .hasMessage("KIS_ACCOUNT_TYPE must be real or paper, not 'demo'");
    }

    @Test
    void toStringMasksKeyAndSecret() {
        KisCredentials credentials = new KisCredentials(KEY, SECRET, KisAccountType.REAL);

        assertThat(credentials.toString())
                .isEqualTo("KisCredentials[appKey=PSab****, appSecret=****, accountType=real]")
                .doesNotContain(SECRET).doesNotContain(KEY.substring(4));
        assertThat(new KisCredentials("short", SECRET, KisAccountType.PAPER).maskedAppKey()).isEqualTo("****");
    }
}
