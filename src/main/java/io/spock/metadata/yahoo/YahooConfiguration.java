package io.spock.metadata.yahoo;

import io.spock.metadata.app.CliEnvironment;
import io.spock.metadata.app.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The Yahoo settings, bound once and lazily: only the commands that ask Yahoo read them, so a bad
 * {@code SPOCK_YAHOO_RATE} stops {@code enrich} with one line and leaves {@code status} working.
 */
@Configuration(proxyBeanMethods = false)
public class YahooConfiguration {

    /** {@code spock.yahoo.*}, with {@code HTTPS_PROXY} (or {@code https_proxy}) from the CLI's environment. */
    @Bean
    @Lazy
    public YahooSettings yahooSettings(Settings settings, CliEnvironment environment) {
        YahooSettings bound = settings.bind(YahooSettings.PREFIX, YahooSettings.class);
        return environment.first(HttpsProxy.VARIABLE, "https_proxy")
                .map(proxy -> bound.toBuilder().httpsProxy(proxy).build())
                .orElse(bound);
    }
}
