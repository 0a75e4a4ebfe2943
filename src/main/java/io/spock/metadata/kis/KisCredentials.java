package io.spock.metadata.kis;

import io.spock.metadata.app.UsageException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A KIS app key and secret and the account type they belong to. {@link #toString()} masks both; neither ever
 * appears in a message.
 */
public record KisCredentials(String appKey, String appSecret, KisAccountType accountType) {

    public static final String APP_KEY = "KIS_APP_KEY";
    public static final String APP_SECRET = "KIS_APP_SECRET";
    public static final String ACCOUNT_TYPE = "KIS_ACCOUNT_TYPE";

    private static final int SHOWN_KEY_CHARACTERS = 4;
    private static final String MASK = "****";

    public KisCredentials {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(accountType, "accountType");
    }

    /**
     * Reads {@code KIS_APP_KEY}, {@code KIS_APP_SECRET} and optional {@code KIS_ACCOUNT_TYPE} (real, the default, or
     * paper) from the environment; each variable that is unset or blank there is taken from the {@code .env} file.
     *
     * @param dotEnvFile may be null or absent
     * @throws UsageException when the key or secret is missing or the account type is not real or paper
     */
    public static KisCredentials fromEnvironment(Map<String, String> env, Path dotEnvFile) {
        Map<String, String> fromFile = DotEnvFile.read(dotEnvFile);
        String appKey = setting(APP_KEY, env, fromFile);
        String appSecret = setting(APP_SECRET, env, fromFile);
        if (appKey.isEmpty() || appSecret.isEmpty()) {
            throw new MissingCredentialsException();
        }
        String accountType = setting(ACCOUNT_TYPE, env, fromFile);
        return new KisCredentials(appKey, appSecret,
                accountType.isEmpty() ? KisAccountType.REAL : KisAccountType.parse(accountType));
    }

    private static String setting(String name, Map<String, String> env, Map<String, String> fromFile) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            value = fromFile.get(name);
        }
        return value == null ? "" : value.trim();
    }

    /** The first four characters of the app key, for messages that must say which key was used. */
    public String maskedAppKey() {
        return appKey.length() <= 2 * SHOWN_KEY_CHARACTERS ? MASK : appKey.substring(0, SHOWN_KEY_CHARACTERS) + MASK;
    }

    @Override
    public String toString() {
        return "KisCredentials[appKey=" + maskedAppKey() + ", appSecret=" + MASK + ", accountType="
                + accountType.name().toLowerCase(Locale.ROOT) + "]";
    }
}
