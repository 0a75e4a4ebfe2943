package io.spock.metadata.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.support.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** kis-codes against KIS served by WireMock, and the credentials line of status. */
class KisCodesCommandTest {

    private static final String KEY = "PSkeyAAAAbbbbCCCCddddEEEEffff00001111";
    private static final String SECRET = "SECRETxyzSECRETxyzSECRETxyz+/==";
    private static final String INDUSTRY_PATH = "/uapi/overseas-price/v1/quotations/industry-price";

    @RegisterExtension
    static WireMockExtension kis = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.copy(Path.of("config", "kis_sector_to_gics_mapping.json"),
                config.resolve("kis_sector_to_gics_mapping.json"));
        cli = new CliRun(home).property("spock.demo", "false").property("spock.kis.api-url", kis.baseUrl());
        kis.stubFor(post(urlEqualTo("/oauth2/tokenP")).willReturn(json(200, """
                {"access_token":"tok-1","access_token_token_expired":"2099-10-18 09:00:00",\
                "token_type":"Bearer","expires_in":86400}""")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private void industryCodes(String... items) {
        kis.stubFor(get(urlPathEqualTo(INDUSTRY_PATH)).willReturn(json(200, """
                {"rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다.","output1":{},"output2":[%s]}"""
                .formatted(String.join(",", items)))));
    }

    private CliRun withCredentials() {
        return cli.env("KIS_APP_KEY", KEY).env("KIS_APP_SECRET", SECRET);
    }

    @Test
    void listsKisCodesBesideTheMappingAndFlagsTheGaps() throws Exception {
        industryCodes("{\"icod\":\"010\",\"name\":\"에너지 및 관련 서비스\"}",
                "{\"icod\":\"730\",\"name\":\"컴퓨터전자장비/기기\"}", "{\"icod\":\"999\",\"name\":\"새 업종\"}");

        CliRun.Result result = withCredentials().run("kis-codes", "--exchange", "nas", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, JsonNode> byCode = new HashMap<>();
        new ObjectMapper().readTree(result.out()).forEach(row -> byCode.put(row.get("code").asText(), row));
        assertThat(byCode.get("730").get("mapped_to").asText()).isEqualTo("45 Information Technology");
        assertThat(byCode.get("730").get("note").asText()).isEmpty();
        assertThat(byCode.get("999").get("note").asText()).isEqualTo("not in the mapping");
        assertThat(byCode.get("999").get("kis_name").asText()).isEqualTo("새 업종");
        assertThat(byCode.get("630").get("note").asText()).isEqualTo("not listed by KIS for NAS");
        assertThat(byCode).hasSize(42);
        assertThat(result.out() + result.err()).doesNotContain(KEY).doesNotContain(SECRET);
        kis.verify(getRequestedFor(urlEqualTo(INDUSTRY_PATH + "?EXCD=NAS&AUTH="))
                .withHeader("authorization", equalTo("Bearer tok-1")));
        Path token = home.resolve(".kis-token.json");
        assertThat(Files.readString(token)).doesNotContain(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
    }

    @Test
    void theTableEndsWithASummary() {
        industryCodes("{\"icod\":\"999\",\"name\":\"새 업종\"}");

        CliRun.Result result = withCredentials().run("kis-codes");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("NAS: 1 codes from KIS, 1 missing from the mapping, 41 mapped codes KIS "
                + "does not list");
    }

    @Test
    void credentialsComeFromTheDotEnvFileToo() throws Exception {
        industryCodes("{\"icod\":\"010\",\"name\":\"에너지 및 관련 서비스\"}");
        Files.writeString(home.resolve(".env"), "KIS_APP_KEY=" + KEY + "\nKIS_APP_SECRET='" + SECRET + "'\n");

        assertThat(cli.run("kis-codes", "--exchange", "HKS").exitCode()).isZero();
        kis.verify(getRequestedFor(urlEqualTo(INDUSTRY_PATH + "?EXCD=HKS&AUTH=")));
    }

    @Test
    void missingCredentialsAreAUsageErrorAndNothingIsAsked() {
        CliRun.Result result = cli.run("kis-codes");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).isEqualTo("error: KIS credentials missing: set KIS_APP_KEY and KIS_APP_SECRET");
        assertThat(kis.getAllServeEvents()).isEmpty();
    }

    @Test
    void aKisFailureIsOneLineWithoutSecrets() {
        kis.stubFor(get(urlPathEqualTo(INDUSTRY_PATH)).willReturn(json(500, """
                {"rt_cd":"1","msg_cd":"OPSQ0002","msg1":"없는 서비스 코드 입니다 (appsecret %s)"}""".formatted(SECRET))));

        CliRun.Result result = withCredentials().run("kis-codes");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errors()).isEqualTo("error: KIS industry codes for NAS failed: HTTP 500 OPSQ0002 없는 서비스 "
                + "코드 입니다 (appsecret ****)");
    }

    @Test
    void anUnknownExchangeIsAUsageError() {
        CliRun.Result result = withCredentials().run("kis-codes", "--exchange", "XYZ");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).startsWith("error: unknown exchange 'XYZ': expected one of NAS, NYS");
    }

    @Test
    void statusSaysWhetherCredentialsAreSetAndNothingMore() throws Exception {
        CliRun.Result unset = cli.run("status");
        CliRun.Result set = withCredentials().run("status");
        CliRun.Result json = withCredentials().run("status", "--format", "json");
        CliRun.Result invalid = withCredentials().env("KIS_ACCOUNT_TYPE", "demo").run("status");

        assertThat(unset.out().strip()).endsWith("KIS credentials: not set");
        assertThat(set.out().strip()).endsWith("KIS credentials: set").doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(new ObjectMapper().readTree(json.out()).get(0).get("kis_credentials").asText()).isEqualTo("set");
        assertThat(invalid.out()).contains("KIS credentials: invalid: KIS_ACCOUNT_TYPE must be real or paper");
        assertThat(invalid.exitCode()).isZero();
    }
}
