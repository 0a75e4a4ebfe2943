package io.spock.metadata.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one masking of secrets in text, URLs and command lines. */
class MaskingTest {

    @Test
    void aUrlPasswordIsMaskedWithOrWithoutItsScheme() {
        assertThat(Masking.url("jdbc:postgresql://bob:hunter2@db.example:5432/spock?ssl=true"))
                .isEqualTo("jdbc:postgresql://bob:****@db.example:5432/spock?ssl=true");
        assertThat(Masking.text("java.net.UnknownHostException: bob:hunter2@127.0.0.1"))
                .isEqualTo("java.net.UnknownHostException: bob:****@127.0.0.1");
        assertThat(Masking.url("https://proxy.example:3128/path")).isEqualTo("https://proxy.example:3128/path");
        assertThat(Masking.text("12:30:05 INFO run 3 at 10:15")).isEqualTo("12:30:05 INFO run 3 at 10:15");
    }

    @Test
    void namedSecretsAreMaskedAsKeyValueAndAsJson() {
        assertThat(Masking.text("jdbc:postgresql://db/spock?user=bob&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/spock?user=bob&password=****&ssl=true");
        assertThat(Masking.text("{\"appkey\":\"PSabc\",\"appsecret\": \"xyz\",\"name\":\"ok\"}"))
                .isEqualTo("{\"appkey\":\"****\",\"appsecret\": \"****\",\"name\":\"ok\"}");
    }

    @Test
    void credentialOptionValuesAreMaskedOnACommandLine() {
        assertThat(Masking.commandLine("migrate-to --target x.db --password hunter2 --user bob"))
                .isEqualTo("migrate-to --target x.db --password **** --user bob");
        assertThat(Masking.commandLine("migrate-to --password=\"two words\" --app-secret 'x y'"))
                .isEqualTo("migrate-to --password=**** --app-secret ****");
    }

    @Test
    void givenSecretsAreMaskedBeforeAnyCut() {
        String secret = "S".repeat(180);

        String line = Messages.flatten("invalid appsecret " + secret + " rest", List.of(secret));

        assertThat(line).isEqualTo("invalid appsecret **** rest").doesNotContain("SS");
    }
}
