package io.spock.metadata.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings under {@code spock.*}: from {@code config/application.properties}, {@code SPOCK_*} environment
 * variables or {@code -Dspock.…} flags.
 *
 * @param home       the project folder holding {@code db/}, {@code config/} and {@code logs/}
 * @param db         {@code SPOCK_DB}: a SQLite file path or a JDBC URL; empty means {@code db/spock.db}
 * @param dbUser     {@code SPOCK_DB_USER}, for server databases
 * @param dbPassword {@code SPOCK_DB_PASSWORD}, for server databases
 * @param demo       load the demo universe into a newly created database
 */
@ConfigurationProperties("spock")
public record SpockProperties(Path home, String db, String dbUser, String dbPassword,
                              @DefaultValue("true") boolean demo) {

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
