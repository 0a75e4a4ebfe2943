package io.spock.metadata.app;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the application in the mode the arguments and stdin ask for and returns the exit status.
 * Global flags ({@code --verbose}, {@code --bail}, {@code --help}, {@code --version}) come before the command.
 */
public final class SpockCli {

    private final CliStreams streams;
    private final Map<String, String> env;
    private final Map<String, Object> overrides;

    public SpockCli(CliStreams streams, Map<String, String> env) {
        this(streams, env, Map.of());
    }

    /** @param overrides application properties that win over everything else (tests use them) */
    public SpockCli(CliStreams streams, Map<String, String> env, Map<String, Object> overrides) {
        this.streams = streams;
        this.env = env;
        this.overrides = overrides;
    }

    public int run(String... args) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        boolean verbose = false;
        boolean bail = false;
        while (!words.isEmpty() && words.get(0).startsWith("-")) {
            String flag = words.get(0);
            if (flag.equals("--verbose") || flag.equals("-v")) {
                verbose = true;
            } else if (flag.equals("--bail")) {
                bail = true;
            } else if (flag.equals("--help") || flag.equals("-h")) {
                words = new ArrayList<>(List.of("help", "--full"));
                break;
            } else if (flag.equals("--version") || flag.equals("-V")) {
                streams.out().println(BuildVersion.current().line());
                return ExitCodes.OK;
            } else {
                streams.err().println("error: unknown option '" + flag
                        + "' (global options: --verbose, --bail, --help, --version)");
                return ExitCodes.USAGE;
            }
            words.remove(0);
        }
        verbose = verbose || words.contains("--verbose");
        Mode mode = !words.isEmpty() ? Mode.ONE_SHOT : streams.stdinIsTerminal() ? Mode.INTERACTIVE : Mode.PIPED;
        CliSession session = new CliSession(streams, mode, verbose, bail);

        ConfigurableApplicationContext context;
        try {
            context = start(session);
        } catch (RuntimeException e) {
            return reportStartupFailure(e, verbose);
        }
        try (context) {
            if (mode == Mode.INTERACTIVE) {
                return context.getBean(InteractiveShell.class).run();
            }
            CommandLineDriver driver = context.getBean(CommandLineDriver.class);
            return mode == Mode.ONE_SHOT ? driver.runOne(words) : driver.runLines(streams.in());
        }
    }

    /** Starts the application context for a session without running anything (tests drive it directly). */
    public ConfigurableApplicationContext start(CliSession session) {
        String home = System.getProperty("spock.home", Path.of("").toAbsolutePath().toString());
        Map<String, Object> properties = new HashMap<>();
        properties.put("spock.home", home);
        properties.put("spring.config.additional-location", "optional:file:" + Path.of(home, "config") + "/");
        properties.put("spring.shell.interactive.enabled", false);
        properties.put("spring.shell.noninteractive.enabled", false);
        properties.put("spring.shell.script.enabled", false);
        if (session.verbose()) {
            properties.put("logging.level.io.spock", "DEBUG");
            properties.put("spock.verbose", true);
        }
        properties.putAll(overrides);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("spock-cli", properties));
        environment.getPropertySources().addAfter("spock-cli",
                new SystemEnvironmentPropertySource("spock-cli-systemEnvironment", spockEnv()));
        return new SpringApplicationBuilder(SpockApplication.class)
                .environment(environment)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("cliSession", session);
                    ctx.getBeanFactory().registerSingleton("cliEnvironment", new CliEnvironment(env));
                })
                .run();
    }

    /**
     * The {@code SPOCK_*} variables handed to this CLI (not necessarily the process's), bound like Spring binds
     * the system environment: {@code SPOCK_YAHOO_COOKIE_URL} sets {@code spock.yahoo.cookie-url}.
     */
    private Map<String, Object> spockEnv() {
        Map<String, Object> properties = new HashMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith("SPOCK_")) {
                properties.put(key, value);
            }
        });
        return properties;
    }

    /**
     * One line on stderr and the failure's exit status: our own error if there is one, a setting Spring could not
     * bind (exit 2), else the root cause (exit 1). The stack trace only with {@code --verbose}.
     */
    private int reportStartupFailure(RuntimeException e, boolean verbose) {
        SpockException failure = startupFailure(e);
        streams.err().println("error: " + Masking.text(Messages.firstLine(failure.getMessage())));
        if (verbose) {
            streams.err().print(Messages.stackTrace(e));
        }
        return failure.exitCode();
    }

    private static SpockException startupFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SpockException spock) {
                return spock;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                return Settings.translate(bind);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new SpockException(ExitCodes.ERROR, "cannot start: " + Messages.of(root));
    }
}
