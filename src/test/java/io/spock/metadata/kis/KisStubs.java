package io.spock.metadata.kis;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** Bodies KIS sends back, as documented in the external-interfaces note §4. */
final class KisStubs {

    static final String KEY = "PSkeyAAAAbbbbCCCCddddEEEEffff00001111";
    static final String SECRET = "SECRETxyzSECRETxyzSECRETxyz+/==";
    static final String OTHER_KEY = "PSotherKEYotherKEYotherKEY0000000000";

    static final KisCredentials CREDENTIALS = new KisCredentials(KEY, SECRET, KisAccountType.REAL);
    static final KisCredentials OTHER_CREDENTIALS = new KisCredentials(OTHER_KEY, SECRET, KisAccountType.REAL);

    private KisStubs() {
    }

    static ResponseDefinitionBuilder token(String value) {
        return json(200, """
                {"access_token":"%s","access_token_token_expired":"2025-10-18 09:00:00",\
                "token_type":"Bearer","expires_in":86400}""".formatted(value));
    }

    static ResponseDefinitionBuilder onePerMinute() {
        return json(403, """
                {"error_description":"접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)","error_code":"EGW00133"}""");
    }

    static ResponseDefinitionBuilder rateLimited(int status) {
        return json(status, """
                {"rt_cd":"1","msg_cd":"EGW00201","msg1":"초당 거래건수를 초과하였습니다."}""");
    }

    static ResponseDefinitionBuilder expiredToken() {
        return json(200, """
                {"rt_cd":"1","msg_cd":"EGW00123","msg1":"기간이 만료된 token 입니다."}""");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }
}
