package io.spock.metadata.support;

import io.spock.metadata.app.CliSession;
import io.spock.metadata.app.CliStreams;
import io.spock.metadata.app.Mode;
import io.spock.metadata.app.SpockCli;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** An application context as one-shot mode starts it, on a database in a temporary folder. */
public final class TestContext {

    private TestContext() {
    }

    public static ConfigurableApplicationContext start(Path home, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spock.home", home.toString());
        properties.put("spock.db", home.resolve("test.db").toString());
        BulkSourcesOff.PROPERTIES.forEach(properties::put);
        properties.putAll(extra);
        CliStreams streams = new CliStreams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), false);
        return new SpockCli(streams, Map.of(), properties).start(new CliSession(streams, Mode.ONE_SHOT, false, false));
    }
}
