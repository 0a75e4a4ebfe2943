package io.spock.metadata.yahoo;

import io.spock.metadata.app.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spock.yahoo.user-agents} and {@code spock.yahoo.search} as an operator writes them, bound as the application
 * binds them.
 */
class YahooUserAgentSettingsTest {

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0.0.0 Safari/537.36";

    private static YahooSettings bind(Map<String, Object> properties, Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("properties", properties));
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment));
        ConfigurationPropertySources.attach(env);
        return new Settings(env).bind(YahooSettings.PREFIX, YahooSettings.class);
    }

    @Test
    void aBrowserUserAgentIsNotCutAtItsComma() {
        assertThat(bind(Map.of("spock.yahoo.user-agents", CHROME), Map.of()).userAgents()).containsExactly(CHROME);
        assertThat(bind(Map.of(), Map.of("SPOCK_YAHOO_USER_AGENTS", CHROME)).userAgents()).containsExactly(CHROME);
    }

    @Test
    void candidatesAreSeparatedByABarOrGivenByIndex() {
        List<String> expected = List.of("Mozilla/5.0 ({digits})", CHROME);

        assertThat(bind(Map.of("spock.yahoo.user-agents", "Mozilla/5.0 ({digits}) | " + CHROME), Map.of())
                .userAgents()).isEqualTo(expected);
        assertThat(bind(Map.of("spock.yahoo.user-agents[0]", expected.get(0), "spock.yahoo.user-agents[1]", CHROME),
                Map.of()).userAgents()).isEqualTo(expected);
        assertThat(bind(Map.of(), Map.of("SPOCK_YAHOO_USERAGENTS_0_", expected.get(0), "SPOCK_YAHOO_USERAGENTS_1_",
                CHROME)).userAgents()).isEqualTo(expected);
    }

    @Test
    void withoutUserAgentsTheDefaultsAreTriedAndSearchIsOnUnlessSwitchedOff() {
        YahooSettings defaults = bind(Map.of(), Map.of());
        YahooSettings noSearch = bind(Map.of(), Map.of("SPOCK_YAHOO_SEARCH", "false"));

        assertThat(defaults.userAgents()).isEqualTo(YahooSettings.DEFAULT_USER_AGENTS);
        assertThat(defaults.search()).isTrue();
        assertThat(noSearch.search()).isFalse();
    }

    @Test
    void blankCandidatesMeanTheDefaults() {
        assertThat(YahooSettings.builder().userAgents(" ", "").build().userAgents())
                .isEqualTo(YahooSettings.DEFAULT_USER_AGENTS);
        assertThat(bind(Map.of("spock.yahoo.user-agents", " | "), Map.of()).userAgents())
                .isEqualTo(YahooSettings.DEFAULT_USER_AGENTS);
    }
}
