package io.spock.metadata.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.shell.command.annotation.CommandScan;

/** Entry point: {@code ./spock} with no arguments opens the shell; with arguments it runs one command. */
@SpringBootApplication(scanBasePackages = "io.spock.metadata")
@ConfigurationPropertiesScan("io.spock.metadata")
@CommandScan("io.spock.metadata")
public class SpockApplication {

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int status = new SpockCli(CliStreams.system(), System.getenv()).run(args);
        System.exit(status);
    }
}
