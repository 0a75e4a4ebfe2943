package io.spock.metadata.kis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * KIS settings under {@code spock.kis.*}. Credentials are not settings: they come from {@code KIS_APP_KEY},
 * {@code KIS_APP_SECRET} and {@code KIS_ACCOUNT_TYPE} or the {@code .env} file, see {@link KisAccess}.
 *
 * @param masterUrl where {@code {code}mst.cod.zip} is downloaded from ({@code SPOCK_KIS_MASTER_URL})
 * @param apiUrl    the REST server; empty means the account type's ({@code SPOCK_KIS_API_URL})
 */
@ConfigurationProperties("spock.kis")
public record KisSettings(@DefaultValue("https://new.real.download.dws.co.kr/common/master") URI masterUrl,
                          URI apiUrl) {
}
