package io.spock.metadata.kis;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.http.TimeSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the KIS REST client from the credentials in the environment or the project's {@code .env} file, with the
 * token cached at {@code <home>/.kis-token.json} (owner-only), so that one token a day serves every command.
 */
public final class KisAccess {

    static final String DOT_ENV = ".env";
    static final String TOKEN_CACHE = ".kis-token.json";

    private final Map<String, String> environment;
    private final Path home;
    private final KisSettings settings;

    public KisAccess(Map<String, String> environment, Path home, KisSettings settings) {
        this.environment = environment;
        this.home = home;
        this.settings = settings;
    }

    /** @throws UsageException (exit 2) when the key or secret is missing or the account type is invalid */
    public KisCredentials credentials() {
        return KisCredentials.fromEnvironment(environment, home.resolve(DOT_ENV));
    }

    /** "set", "not set", or why the credentials cannot be used (never any part of them), for {@code status}. */
    public String credentialsState() {
        try {
            credentials();
            return "set";
        } catch (MissingCredentialsException e) {
            return "not set";
        } catch (UsageException e) {
            return "invalid: " + e.getMessage();
        }
    }

    public KisApiClient client() {
        KisCredentials credentials = credentials();
        URI baseUrl = settings.apiUrl() != null ? settings.apiUrl() : credentials.accountType().baseUrl();
        KisTokenStore tokens = new KisTokenStore(baseUrl, home.resolve(TOKEN_CACHE));
        return new KisApiClient(baseUrl, credentials, tokens, credentials.accountType().callsPerSecond(),
                TimeSource.system(), KisApiClient.DEFAULT_RETRY_PAUSE, KisApiClient.DEFAULT_MAX_TRIES);
    }
}
