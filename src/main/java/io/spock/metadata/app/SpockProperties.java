package io.spock.metadata.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings under {@code spock.*} that every command needs: from {@code config/application.properties},
 * {@code SPOCK_*} environment variables or {@code -Dspock.…} flags. They are bound as the application starts, so a
 * bad value here stops every command (one line, exit 2); settings only some commands use are bound on first use
 * through {@link Settings}.
 *
 * @param home          the project folder holding {@code db/}, {@code config/} and {@code logs/}
 * @param db            {@code SPOCK_DB}: a SQLite file path or a JDBC URL; empty means {@code db/spock.db}
 * @param dbUser        {@code SPOCK_DB_USER}, for server databases
 * @param dbPassword    {@code SPOCK_DB_PASSWORD}, for server databases
 * @param dbBusyTimeout {@code SPOCK_DB_BUSY_TIMEOUT}: how long a SQLite write waits for another process's lock
 */
@ConfigurationProperties("spock")
public record SpockProperties(Path home, String db, String dbUser, String dbPassword,
                              @DefaultValue("30s") Duration dbBusyTimeout) {

    public SpockProperties {
        InvalidSettingException.check(!dbBusyTimeout.isNegative() && dbBusyTimeout.toMillis() <= Integer.MAX_VALUE,
                "spock.db-busy-timeout", dbBusyTimeout, "a duration of 0 or more, such as 30s");
    }

    public Path defaultDatabaseFile() {
        return home.resolve("db").resolve("spock.db");
    }

    public Path configDir() {
        return home.resolve("config");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }
}
