package io.spock.metadata.kis;

import io.spock.metadata.app.InvalidSettingException;
import io.spock.metadata.app.Settings;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * KIS settings under {@code spock.kis.*}, bound on first use by the commands that reach KIS. Credentials are not
 * settings: they come from {@code KIS_APP_KEY}, {@code KIS_APP_SECRET} and {@code KIS_ACCOUNT_TYPE} or the
 * {@code .env} file, see {@link KisAccess}.
 *
 * @param masterUrl where {@code {code}mst.cod.zip} is downloaded from ({@code SPOCK_KIS_MASTER_URL})
 * @param apiUrl    the REST server; empty means the account type's ({@code SPOCK_KIS_API_URL})
 * @param timeout   deadline of one whole KIS exchange, body included: a REST call or one master-file download
 *                  ({@code SPOCK_KIS_TIMEOUT})
 */
public record KisSettings(@DefaultValue("https://new.real.download.dws.co.kr/common/master") URI masterUrl,
                          URI apiUrl,
                          @DefaultValue("60s") Duration timeout) {

    public static final String PREFIX = "spock.kis";

    public KisSettings {
        Settings.httpUrl(PREFIX + ".master-url", masterUrl);
        if (apiUrl != null) {
            Settings.httpUrl(PREFIX + ".api-url", apiUrl);
        }
        InvalidSettingException.check(!timeout.isNegative() && !timeout.isZero(), PREFIX + ".timeout", timeout,
                "a duration above 0, such as 60s");
    }
}
